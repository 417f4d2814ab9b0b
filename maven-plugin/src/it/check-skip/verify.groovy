// -Dtxguard.skip: the build passed despite the leak, check said it skipped, analysed nothing and wrote no report.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Skipping txguard (txguard.skip)') : 'no skip message'
assert !log.contains('files analysed') : 'txguard audited although skipped'
assert !new File(basedir, 'target/txguard').exists() : 'reports written although skipped'
return true
