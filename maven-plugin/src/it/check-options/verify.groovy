// The build passed (failOnViolation=false) with the findings logged as warnings: the in-house API of the protocol
// file and the test sources are audited, the excluded package and the turned-off rule are not, and the reports went
// to the configured directory.
import dev.txguard.maven.it.ItSupport

def log = new File(basedir, 'build.log').getText('UTF-8')
def warnings = ItSupport.reported(basedir, log, 'WARNING')
def expected = ItSupport.expected(basedir)
assert expected == ['src/main/java/com/acme/uow/Jobs.java:9:UncommittedTransaction',
                    'src/test/java/com/acme/orders/SampleOrders.java:9:UncommittedTransaction'] as SortedSet : expected
assert ItSupport.withoutColumn(warnings) == expected : "logged ${warnings}"
assert ItSupport.reported(basedir, log, 'ERROR').isEmpty()
// Orm.java, Batch.java, the three uow files and the test file; not legacy/OldBatch.java.
def summary = 'txguard (check-options): 2 findings (2 UncommittedTransaction), 0 problems, 6 files analysed'
assert log.contains(summary) : "no summary line '${summary}'"

def sarif = new File(basedir, 'target/quality/txguard.sarif')
assert sarif.isFile() && new File(basedir, 'target/quality/txguard.html').isFile() : 'reports not in target/quality'
assert !new File(basedir, 'target/txguard').exists()
assert ItSupport.sarifFindings(sarif) == expected
assert ItSupport.sarifSchemaErrors(sarif).isEmpty()
return true
