// Invocation 1 (-T 2 verify): each module was checked against its own classpath (Orm comes from api's classes) and
// the leaking modules failed with their findings.
import dev.txguard.maven.it.ItSupport

def log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines()
assert !lines.any { it.contains('not marked as @threadSafe') || it.contains('not marked as thread-safe') } : 'thread-safety warning'

def expected = ItSupport.expected(basedir)
assert expected.size() == 4 : expected
def errors = ItSupport.withoutColumn(ItSupport.reported(basedir, log, 'ERROR'))
assert errors == expected : "logged ${errors}"
['txguard (api): 0 findings, 0 problems, 2 files analysed',
 'txguard (service): 1 finding (1 UncommittedTransaction), 0 problems, 1 file analysed',
 'txguard (billing): 3 findings (2 UncommittedTransaction, 1 UncommittedTransactionOnException), 0 problems, 1 file analysed'].each { s ->
  assert lines.any { it.contains(s) } : "no summary '${s}'"
}
assert lines.any { it =~ /on project service: txguard \(service\): 1 finding/ } : 'service did not fail on its finding'
assert lines.any { it =~ /on project billing: txguard \(billing\): 3 findings/ } : 'billing did not fail on its finding'

// Invocation 2: each module audited (and logged its findings as warnings), one report for the build at the
// root, written by whichever module finished last: once by the inherited execution, once from the command line.
def warnings = ItSupport.withoutColumn(ItSupport.reported(basedir, log, 'WARNING'))
assert warnings == expected : "audit logged ${warnings}"
def aggregates = lines.findAll { it.contains('txguard (aggregate of 4 modules): 4 findings (3 UncommittedTransaction, 1 UncommittedTransactionOnException), 0 problems, 4 files analysed;') }
assert aggregates.size() == 3 : "aggregate summaries (invocations 2 and 4): ${aggregates}"
def sarif = new File(basedir, 'target/txguard/txguard.sarif')
assert sarif.isFile() && new File(basedir, 'target/txguard/txguard.html').isFile() : 'no aggregate reports'
assert ItSupport.sarifFindings(sarif) == expected : ItSupport.sarifFindings(sarif)
def invalid = ItSupport.sarifSchemaErrors(sarif)
assert invalid.isEmpty() : invalid.join('\n')

// Invocation 3: each module wrote its baseline without anything built; a module that uses api's Orm found its
// findings through api's sources. The file was written whole (no temporary file left beside it).
[api: 0, service: 1, billing: 3].each { module, count ->
  def file = new File(basedir, "${module}/txguard-baseline.json")
  assert file.isFile() : "no baseline for ${module}"
  assert ItSupport.json(file).get('findings').size() == count : file.text
  assert lines.any { it.contains("txguard (${module}): wrote ${count} finding") && it.contains(file.canonicalPath) } :
      "no baseline message for ${module}"
  def leftovers = new File(basedir, module).list().findAll { it.endsWith('.tmp') }
  assert leftovers.isEmpty() : leftovers
}
assert !lines.any { it.contains('Could not resolve dependencies') } : 'a module did not resolve'
// Invocation 4: check passed in every module with the findings baselined.
['txguard (service): 0 findings, 0 problems, 1 file analysed, 1 baselined',
 'txguard (billing): 0 findings, 0 problems, 1 file analysed, 3 baselined'].each { s ->
  assert lines.any { it.contains(s) } : "no summary '${s}'"
}
return true
