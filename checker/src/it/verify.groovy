// Post-build check for the invoker runs of testdata/example (checker/pom.xml, maven-invoker-plugin).
// Variables from the invoker execution's <scriptVariables>: exampleDir (the cloned example project; the invoker's own
// basedir variable is this script's directory) and expectedJavaFeature (17 or 25).
// The example must compile (Error Prone reports warnings, not errors) and Error Prone must report the transaction
// that AccountService.update() leaves open at its early `return false;`.

def projectDir = new File(exampleDir)
def log = new File(projectDir, 'build.log')
assert log.isFile() : "no build.log in ${projectDir}"
def text = log.getText('UTF-8')

// Find the lines in the example source instead of hard-coding them.
def src = new File(projectDir, 'src/main/java/example/AccountService.java').readLines('UTF-8')
int beginLine = src.findIndexOf { it.contains('orm.begin();') } + 1
int returnLine = src.findIndexOf { it.contains('return false;') && it.contains('leaves with the transaction open') } + 1
assert beginLine > 0 && returnLine > 0 : 'AccountService.java no longer has the orm.begin() / early return the test expects'

// The run used the intended JDK (invoker goal --show-version prints it), and Error Prone plus the checker jar under test.
def javaVersion = (text =~ /(?m)^Java version: (\d+)/)
assert javaVersion.find() : 'build.log has no "Java version:" line (goal --show-version)'
assert javaVersion.group(1) == String.valueOf(expectedJavaFeature) :
    "expected Maven on Java ${expectedJavaFeature}, build.log says Java ${javaVersion.group(1)}"
assert text.contains('BUILD SUCCESS') : 'the example did not compile (an error instead of a warning?)'

// The diagnostic itself: maven-compiler-plugin prints
//   [WARNING] /.../example/AccountService.java:[<line>,<col>] [UncommittedTransaction] ... transaction begun at line N ...
def warnings = text.readLines().findAll { it.contains('[UncommittedTransaction]') }
assert !warnings.isEmpty() : 'no [UncommittedTransaction] diagnostic in build.log'
def atReturn = warnings.findAll { it.contains("AccountService.java:[${returnLine},") }
assert !atReturn.isEmpty() :
    "no [UncommittedTransaction] diagnostic at AccountService.java line ${returnLine}; got:\n" + warnings.join('\n')
assert text.contains("transaction begun at line ${beginLine}") :
    "the diagnostic does not say 'transaction begun at line ${beginLine}'"
// The transaction is committed or rolled back on every other path: exactly one report in AccountService.
def inService = warnings.findAll { it.contains('AccountService.java:[') }
assert inService.size() == 1 : "expected exactly one report in AccountService.java, got:\n" + inService.join('\n')

println "verify.groovy: ${atReturn[0].trim()}"
return true
