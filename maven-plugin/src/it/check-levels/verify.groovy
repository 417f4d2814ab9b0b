// The three invocations of invoker.properties, in the one build.log.
def log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines()
def file = new File(basedir, 'src/main/java/com/acme/Checked.java').canonicalPath
def problem = "[WARNING] ${file}:[10,5] [txguard] does not parse at Java 17: Flexible constructor bodies are not supported (Java 25 and later)"
assert lines.count { it == problem } == 2 : "no problem naming line, column and level: expected '${problem}'"
assert lines.count { it.contains('txguard (check-levels): 0 findings, 1 problem, 0 files analysed') } == 2 : 'summary at 17'
assert lines.any { it.contains('txguard (check-levels): 1 problem: part of the code was not analysed') && it.contains('failOnProblems') } : 'failOnProblems did not fail the build'
assert lines.count { it.contains('BUILD SUCCESS') } == 2 && lines.count { it.contains('BUILD FAILURE') } == 1 : 'build results'
assert lines.any { it.contains('txguard (check-levels): 0 findings, 0 problems, 1 file analysed') } : 'release 25 did not read the file'
return true
