// samples/socket-course, generated afresh (Spark 3.5, the default line) and built with 'mvn verify',
// which ran its own tests. Then what a learner does with it, with the real scripts.
import java.util.concurrent.TimeUnit

File dir = context.projectDir
def checks = new GroovyShell().parse(new File(dir, '../../../../it-common/ProjectChecks.groovy'))
def archetype = checks.archetype()

checks.sampleIsFresh(dir, 'socket-course')

// The course as a learner walks it: a project generated afresh with the same parameters, nothing
// built, the README's commands in README order (ReadmeWalk.groovy says how the README marks them).
def walker = new GroovyShell().parse(new File(dir, '../../../../it-common/ReadmeWalk.groovy'))
File walked = walker.generateAgain(dir, archetype, checks.mvn())
walker.walk(walked, 'socket-course')
// The pipeline script, interrupted: Ctrl-C stops everything it started.
walker.pressCtrlCDuring(walked, 'scripts/pipeline.sh', 'Sending the card payments')
assert new File(dir, 'target/socket-course-1.0.0.jar').exists(): 'runnable jar built'
assert checks.warnings(new File(dir, 'build.log').getText('UTF-8')) == []: 'the project\'s mvn verify warned'
assert new File(dir, 'target/failsafe-reports').list().any { it.endsWith('SocketStreamAppIT.txt') }: 'mvn verify ran the *IT tests'
['mvnw', 'scripts/netcat-server.sh', 'scripts/run.sh', 'scripts/local-cluster.sh', 'scripts/send-sample.sh'].each {
    assert new File(dir, it).canExecute(): "${it} is not executable"
    assert !new File(dir, it).getText('UTF-8').contains('\r'): "${it} has CR line endings"
}
['mvnw.cmd', 'scripts/run.cmd', 'scripts/line-server.cmd'].each {
    String text = new File(dir, it).getText('UTF-8')
    assert text.count('\n') == text.count('\r\n'): "${it} lacks CRLF line endings"
}

checks.smokeTest(dir, '127.0.0.1')
// Lesson 6 with its web UI in a real browser; the screenshot stays in target/ (README: refresh the picture).
checks.browserSeesStreamingPage(dir)

// The Maven Wrapper, as for a learner with only a JDK: ./mvnw downloads the Maven that
// .mvn/wrapper/maven-wrapper.properties names (into a fresh MAVEN_USER_HOME, so it really does)
// and runs the project's tests with it. With a class of the learner's own beside the lessons, with
// a main and no run configuration: the tests still pass.
File learnersApp = new File(dir, 'src/main/java/io/github/sparkstarter/samples/socket_course/MyFirstApp.java')
learnersApp.setText('package io.github.sparkstarter.samples.socket_course;\n\npublic class MyFirstApp {\n'
        + '    public static void main(String[] args) {\n        System.out.println("my own app");\n    }\n}\n', 'UTF-8')
File wrapperHome = new File(dir, 'target/wrapper-home')
wrapperHome.deleteDir()
String wrapped
try {
    wrapped = checks.run(dir, ['./mvnw', '-B', '-V', '-o', 'test'], [MAVEN_USER_HOME: wrapperHome.path])
} finally {
    learnersApp.delete()
}
assert new File(dir, 'target/classes/io/github/sparkstarter/samples/socket_course/MyFirstApp.class').exists(): wrapped
assert wrapped.contains('Apache Maven @wrapper.maven.version@') && wrapped.contains('BUILD SUCCESS'): wrapped
assert checks.warnings(wrapped) == []: wrapped
assert new File(wrapperHome, 'wrapper/dists').list()?.length == 1: "the wrapper did not download Maven:\n${wrapped}"

// Tests started without the flags of .mvn/jvm.config (an IDE told nothing): each Spark test class
// fails with the one-line reason, before Spark can throw its IllegalAccessError.
File jvmConfig = new File(dir, '.mvn/jvm.config')
String flags = jvmConfig.getText('UTF-8')
try {
    jvmConfig.setText('-Dfile.encoding=UTF-8\n', 'UTF-8')
    Process unflagged = checks.start(dir, [checks.mvn(), '-B', '-o', 'test', '-Dtest=WordCountAppTest'])
    String said = unflagged.inputStream.getText('UTF-8')
    assert unflagged.waitFor(300, TimeUnit.SECONDS) && unflagged.exitValue() != 0: said
    assert said.contains('Spark @spark.version@ needs JVM flags') && said.contains('.mvn/jvm.config'): said
    assert !said.contains('IllegalAccessError') && !said.contains('\tat '): said
} finally {
    jvmConfig.setText(flags, 'UTF-8')
}

// Interactive mode: the same archetype, answers typed on standard input. A typed package with a
// hyphen is asked again; Enter takes the default.
File interactiveDir = new File(dir.parentFile, 'interactive')
interactiveDir.deleteDir()
interactiveDir.mkdirs()
Process generate = checks.start(interactiveDir, [checks.mvn(), '-q', archetype.plugin, '-DarchetypeCatalog=local',
        "-DarchetypeGroupId=${archetype.groupId}", "-DarchetypeArtifactId=${archetype.artifactId}",
        "-DarchetypeVersion=${archetype.version}"].collect { it.toString() })
// groupId, artifactId, version (default), appName, package (refused, then default), confirm
generate.outputStream.withWriter('UTF-8') { it.write('org.example\ninteractive-app\n\nMy App\ncom.my-co\n\nY\n') }
String answers = generate.inputStream.getText('UTF-8')
assert generate.waitFor(120, TimeUnit.SECONDS): answers
assert generate.exitValue() == 0: answers
assert answers.contains('Value does not match the expression'): 'the typed package with a hyphen was taken'
def interactiveSettings = new File(interactiveDir, 'interactive-app/src/main/java/org/example/interactive_app/settings/StreamSettings.java')
assert interactiveSettings.getText('UTF-8').contains('APP_NAME = "My App"'): answers
assert interactiveSettings.getText('UTF-8').contains('DEFAULT_PORT = 9999')

// The cluster script, and the thin jar it built, without Spark (spark-submit brings its own).
checks.localCluster(dir)
// Lesson 5 on the same cluster script: its Kafka connector given with --jars, as on a real cluster.
checks.localClusterKafka(dir)
assert checks.manifestLibraries(new File(dir, 'target/socket-course-1.0.0-thin.jar')).isEmpty(): 'the thin jar lists libraries'
assert checks.manifestLibraries(new File(dir, 'target/socket-course-1.0.0.jar')).contains('lib/spark-sql_2.12-@spark.version@.jar')

// scripts/send-sample.sh replays a data file once the app connects, then closes the connection.
// Run where Maven is not installed: it takes the project's wrapper (downloaded above).
int samplePort = checks.freePort()
Process sender = checks.start(dir, ['scripts/send-sample.sh', 'data/sensors.csv', '1000', String.valueOf(samplePort)],
        [PATH: checks.pathWithout(dir, 'maven', ~/mvn.*/), MAVEN_USER_HOME: wrapperHome.path])
StringBuffer senderOutput = new StringBuffer()
sender.consumeProcessOutputStream(senderOutput)
try {
    Socket app = null
    checks.await('the line server of send-sample.sh', 120) {
        assert sender.alive: "send-sample.sh ended:\n${senderOutput}"
        try {
            app = new Socket(InetAddress.getLoopbackAddress(), samplePort)
        } catch (ConnectException notYet) {
        }
        app != null
    }
    app.soTimeout = 60_000
    List<String> received = app.inputStream.newReader('UTF-8').readLines()
    assert received == new File(dir, 'data/sensors.csv').readLines('UTF-8'): 'the file did not arrive whole'
    assert sender.waitFor(60, TimeUnit.SECONDS) && sender.exitValue() == 0: senderOutput
} finally {
    sender.destroyForcibly()
}

// scripts/drop-sample.sh moves the file into lesson 4's inbox in whole pieces, every line once.
File inbox = new File(dir, 'target/drop-inbox')
String dropped = checks.run(dir, ['scripts/drop-sample.sh', 'data/sensors.csv', '120', 'target/drop-inbox'], [:], 60)
List<File> pieces = inbox.listFiles().sort { it.name }
assert pieces.size() == 3 && pieces.every { it.name.endsWith('.txt') }: dropped
assert pieces.collectMany { it.readLines('UTF-8') } == new File(dir, 'data/sensors.csv').readLines('UTF-8')
assert !new File(dir, 'target').listFiles().any { it.name.startsWith('.drop-sample') }: 'the pieces folder was left behind'

// Java 25 cannot run Spark 3.5: the app says so in one line, before Spark starts.
File java25 = checks.java25()
if (java25) {
    // With the flags of .mvn/jvm.config too, as scripts/run.sh and exec:java give them: none warns first.
    [[java25.path, '-jar', 'target/socket-course-1.0.0.jar'],
     [java25.path, '@.mvn/jvm.config', '-jar', 'target/socket-course-1.0.0.jar']].each { command ->
        Process refused = checks.start(dir, command)
        String said = refused.inputStream.getText('UTF-8')
        assert refused.waitFor(60, TimeUnit.SECONDS) && refused.exitValue() == 1: said
        assert said.strip().lines().count() == 1 && said.contains('Spark @spark.version@ does not run on Java 25'): said
    }
    // And generation on a Maven that runs on Java 25 says so too, and still generates.
    File onJava25 = new File(dir.parentFile, 'on-java-25')
    onJava25.deleteDir()
    onJava25.mkdirs()
    String generated = checks.run(onJava25, [checks.mvn(), '-B', archetype.plugin, '-DarchetypeCatalog=local',
            "-DarchetypeGroupId=${archetype.groupId}", "-DarchetypeArtifactId=${archetype.artifactId}",
            "-DarchetypeVersion=${archetype.version}", '-DgroupId=org.example', '-DartifactId=on-java-25'].collect { it.toString() },
            [JAVA_HOME: java25.parentFile.parent])
    assert generated.contains('WARNING: this Java 25 cannot run Spark @spark.version@'): generated
    assert new File(onJava25, 'on-java-25/pom.xml').exists(): generated
    println 'Java 25: the Spark 3.5 jar refuses it in one line; generation on it warns'
}

// The archetype plugin takes anything but true as a failure.
true
