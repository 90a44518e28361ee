// samples/sensor-stream, generated afresh (Spark 4, host 127.0.0.1, port 7777) and built with
// 'mvn verify', which ran its own tests. Then the real scripts, the jar, the cluster, and Java 25.
import java.util.concurrent.TimeUnit

File dir = context.projectDir
def checks = new GroovyShell().parse(new File(dir, '../../../../it-common/ProjectChecks.groovy'))

checks.sampleIsFresh(dir, 'sensor-stream')

// The course as a learner walks it: a project generated afresh with the same parameters, nothing
// built, the README's commands in README order (ReadmeWalk.groovy says how the README marks them).
def walker = new GroovyShell().parse(new File(dir, '../../../../it-common/ReadmeWalk.groovy'))
walker.walk(walker.generateAgain(dir, checks.archetype(), checks.mvn()), 'sensor-stream')
def settings = new File(dir, 'src/main/java/org/example/iot/sensors/settings/StreamSettings.java').getText('UTF-8')
assert settings.contains('APP_NAME = "Sensor Stream 传感器"')
assert settings.contains('DEFAULT_HOST = "127.0.0.1"')
assert settings.contains('DEFAULT_PORT = 7777')
assert new File(dir, 'pom.xml').getText('UTF-8').contains('<scala.binary.version>2.13</scala.binary.version>')
assert new File(dir, 'target/failsafe-reports').list().any { it.endsWith('SocketStreamAppIT.txt') }: 'mvn verify ran the *IT tests'
assert checks.warnings(new File(dir, 'build.log').getText('UTF-8')) == []: 'the project\'s mvn verify warned'

checks.smokeTest(dir, '127.0.0.1')
// Lesson 6 with its web UI in a real browser; the screenshot stays in target/ (README: refresh the picture).
checks.browserSeesStreamingPage(dir)
String plain = checks.javaJar(dir, 'java', 'target/sensor-stream-0.1.0-SNAPSHOT.jar')
assert !plain.contains('WARNING'): "java -jar on Java 17 warned:\n${plain}"

checks.localCluster(dir)
// Lesson 5 on the same cluster script: its Kafka connector given with --jars, as on a real cluster.
checks.localClusterKafka(dir)
assert checks.manifestLibraries(new File(dir, 'target/sensor-stream-0.1.0-SNAPSHOT-thin.jar')).isEmpty(): 'the thin jar lists libraries'
assert checks.manifestLibraries(new File(dir, 'target/sensor-stream-0.1.0-SNAPSHOT.jar')).contains('lib/spark-sql_2.13-@spark4.version@.jar')

// Java 25: the project's own tests, and the app through the real scripts, with no JVM warning.
File java25 = checks.java25()
if (java25) {
    Map<String, String> onJava25 = [JAVA_HOME: java25.parentFile.parent, PATH: "${java25.parent}:${System.getenv('PATH')}".toString()]
    String tests = checks.run(dir, [checks.mvn(), '-B', '-o', 'test'], onJava25)
    assert tests.contains('Tests run:') && tests.contains('BUILD SUCCESS'): tests
    String streamed = checks.smokeTest(dir, '127.0.0.1', onJava25)
    assert !streamed.contains('WARNING'): "Java 25 printed warnings:\n${streamed}"
    checks.javaJar(dir, java25.path, 'target/sensor-stream-0.1.0-SNAPSHOT.jar')
    println 'Java 25: the Spark 4 project passes its tests and streams through the real scripts, without warnings'
}

// The archetype plugin takes anything but true as a failure.
true
