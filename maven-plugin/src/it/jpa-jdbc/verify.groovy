// One build, both front ends: Error Prone's warnings from the compiler and txguard:check's errors must name the same
// findings (file, line, rule), and those the markers in the sources expect. The audit resolved JPA, Hibernate and
// JDBC types from the jars Maven resolved (nothing matched by name), and the reports are valid.
import dev.txguard.maven.it.ItSupport

def log = new File(basedir, 'build.log').getText('UTF-8')
def txguardRules = ['UncommittedTransaction', 'UncommittedTransactionOnException']
def ours = { String key -> txguardRules.any { key.endsWith(':' + it) } }
def errorProne = ItSupport.withoutColumn(ItSupport.reported(basedir, log, 'WARNING').findAll(ours) as SortedSet)
def check = ItSupport.withoutColumn(ItSupport.reported(basedir, log, 'ERROR').findAll(ours) as SortedSet)
def expected = ItSupport.expected(basedir)

assert expected.size() == 3 : expected
assert errorProne == expected : "Error Prone reported ${errorProne}"
assert check == errorProne : "txguard:check reported ${check}, Error Prone ${errorProne}"
assert !log.contains('matched by name') : 'a type did not resolve against the classpath'

def summary = 'txguard (jpa-jdbc): 3 findings (2 UncommittedTransaction, 1 UncommittedTransactionOnException), 0 problems, 3 files analysed'
assert log.contains(summary) : "no summary line '${summary}'"
def sarif = new File(basedir, 'target/txguard/txguard.sarif')
assert ItSupport.sarifFindings(sarif) == expected : ItSupport.sarifFindings(sarif)
def invalid = ItSupport.sarifSchemaErrors(sarif)
assert invalid.isEmpty() : invalid.join('\n')
assert new File(basedir, 'target/txguard/txguard.html').isFile()
return true
