// Clean code: `mvn verify` passed (invoker checks the result), txguard:check ran and said so in its summary line,
// and the reports exist anyway for CI to publish: a SARIF valid against the schema with no results, and the HTML.
// Then the help goal, in the same invocation.
import dev.txguard.maven.it.ItSupport

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('--- txguard-maven-plugin:') && log.contains(':check (default) @ check-clean ---') : 'check did not run'
def summary = 'txguard (check-clean): 0 findings, 0 problems, 2 files analysed'
assert log.contains(summary) : "no summary line '${summary}'"
assert ItSupport.reported(basedir, log, 'ERROR').isEmpty()
assert ItSupport.reported(basedir, log, 'WARNING').isEmpty()

def reports = new File(basedir, 'target/txguard')
def sarif = new File(reports, 'txguard.sarif')
assert sarif.isFile() && new File(reports, 'txguard.html').isFile() : "reports missing in ${reports}"
assert !new File(reports, 'txguard.txt').exists() : 'text is not a default format'
def invalid = ItSupport.sarifSchemaErrors(sarif)
assert invalid.isEmpty() : invalid.join('\n')
assert ItSupport.sarifFindings(sarif).isEmpty()

// txguard:help -Dgoal=check -Ddetail
assert log.contains('txguard:check') && log.contains('User property: txguard.failOnViolation') : 'no help for check'
return true
