// Runs after the three invocations of invoker.properties, whose output build.log holds in order.
import dev.txguard.maven.it.ItSupport

def log = new File(basedir, 'build.log').getText('UTF-8')
def baseline = new File(basedir, 'txguard-baseline.json')
assert baseline.isFile() : 'txguard:baseline wrote no txguard-baseline.json'
def json = ItSupport.json(baseline)
assert json.get('txguardBaseline').asInt() == 1
assert json.get('findings').size() == 2 : baseline.text
assert json.get('findings').every { it.get('path').asText() == 'src/main/java/com/acme/orders/OrderService.java' } : baseline.text
assert log.contains("txguard (baseline): wrote 2 findings (1 UncommittedTransaction, 1 UncommittedTransactionOnException) to the baseline ${baseline.canonicalPath}") : 'no baseline message'

// Invocation 2 passed with both findings baselined; invocation 3 failed on Later.java only.
def summaries = log.readLines().findAll { it.contains('txguard (baseline): ') && it.contains(' files analysed') }
assert summaries.size() == 2 : summaries.join('\n')
assert summaries[0].contains('txguard (baseline): 0 findings, 0 problems, 2 files analysed, 2 baselined;') : summaries[0]
assert summaries[1].contains('txguard (baseline): 1 finding (1 UncommittedTransaction), 0 problems, 3 files analysed, 2 baselined;') : summaries[1]
def errors = ItSupport.withoutColumn(ItSupport.reported(basedir, log, 'ERROR'))
assert errors == ItSupport.expected(basedir) : errors
assert errors == ['src/main/java/com/acme/orders/Later.java:9:UncommittedTransaction'] as SortedSet : errors
assert log.readLines().any { it =~ /txguard-maven-plugin:[^:]+:check \(default-cli\) on project baseline: txguard \(baseline\): 1 finding \(1 UncommittedTransaction\) beyond the baseline: a transaction can be left open/ } : 'no failure message'
// The reports of the failing run hold only the new finding.
def sarif = new File(basedir, 'target/txguard/txguard.sarif')
assert ItSupport.sarifFindings(sarif) == errors : ItSupport.sarifFindings(sarif)
assert ItSupport.sarifSchemaErrors(sarif).isEmpty()
return true
