// `mvn verify` failed at txguard:check: every leak the markers in the sources expect is logged as
// [ERROR] /abs/File.java:[line,col] [Rule] message, with its path, and nothing else; the failure names the count and
// the reports; the reports (SARIF valid against the schema, HTML, and the text report the execution-level
// configuration asked for) hold the same findings.
import dev.txguard.maven.it.ItSupport

def log = new File(basedir, 'build.log').getText('UTF-8')
def expected = ItSupport.expected(basedir)
assert expected.size() == 4 : "markers: ${expected}"

def errors = ItSupport.reported(basedir, log, 'ERROR')
assert ItSupport.withoutColumn(errors) == expected : "expected ${expected}\nlogged ${errors}"
assert errors.contains('src/main/java/com/acme/orders/OrderService.java:14:7:UncommittedTransaction') : errors
// The path follows each finding: the begin, the branch, the exit.
['    line 9: transaction begins: orm.begin()', '    line 12: m != null is false', '    line 14: returns: return false;'].each {
  assert log.contains(it) : "no path step '${it}' in build.log"
}
// A package named "test" inside src/main/java is main code.
assert errors.any { it.startsWith('src/main/java/com/acme/test/SampleData.java:') } : errors

def summary = 'txguard (check-leak): 4 findings (3 UncommittedTransaction, 1 UncommittedTransactionOnException), 0 problems, 4 files analysed'
assert log.contains(summary) : "no summary line '${summary}'" 
def reports = new File(basedir, 'target/txguard')
def failure = ~/Failed to execute goal dev\.txguard:txguard-maven-plugin:[^:]+:check \(default\) on project check-leak: txguard \(check-leak\): 4 findings \(3 UncommittedTransaction, 1 UncommittedTransactionOnException\): a transaction can be left open .*reports: \S*txguard\.sarif/
assert log.readLines().any { it =~ failure } : 'no failure message with the count and the reports'

['txguard.sarif', 'txguard.html', 'txguard.txt'].each { assert new File(reports, it).isFile() : "no ${it}" }
def invalid = ItSupport.sarifSchemaErrors(new File(reports, 'txguard.sarif'))
assert invalid.isEmpty() : invalid.join('\n')
def inSarif = ItSupport.sarifFindings(new File(reports, 'txguard.sarif'))
assert inSarif == expected : "SARIF results ${inSarif}" 
def html = new File(reports, 'txguard.html').getText('UTF-8')
assert html.contains('src/main/java/com/acme/orders/LedgerDao.java') : 'the HTML report does not name LedgerDao.java'
assert html.contains('is still active when this return leaves post()') : 'the HTML report lacks the post() finding'
def text = new File(reports, 'txguard.txt').getText('UTF-8')
assert text.contains('src/main/java/com/acme/orders/OrderService.java:14:7: [UncommittedTransaction]') : text
return true
