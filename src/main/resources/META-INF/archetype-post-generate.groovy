// Runs after the archetype plugin has written the project. The plugin checks validationRegex only
// for typed answers, never for -D values or in batch mode, so every parameter is checked here, with
// the same expressions as archetype-metadata.xml; when one is bad, the project is removed and
// generation fails with a message naming it.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths

import groovy.transform.Field

// What each value may be, so that it is safe and valid in every file it lands in: Java, XML,
// Markdown, shell and Windows scripts. The rules are written once, in
// src/main/filters/parameter-rules.properties, and stamped here and into the descriptor by the
// build, into slashy strings, where a backslash stays as written. Maven coordinates are asked by the
// plugin.
@Field final Map<String, String> RULES = [
        groupId     : /@rule.coordinate@/,
        artifactId  : /@rule.coordinate@/,
        version     : /@rule.coordinate@/,
        package     : /@rule.package@/,
        appName     : /@rule.appName@/,
        host        : /@rule.host@/,
        port        : /@rule.port@/,
        sparkVersion: /@rule.sparkVersion@/,
]

@Field final Map<String, String> ALLOWED = [
        groupId     : "letters, digits, '_', '.' or '-', e.g. -DgroupId=com.example",
        artifactId  : "letters, digits, '_', '.' or '-', e.g. -DartifactId=my-stream",
        version     : "letters, digits, '_', '.' or '-', e.g. -Dversion=0.1.0-SNAPSHOT",
        package     : "dot-separated Java names of letters, digits and '_', none starting with a digit and none a Java keyword, e.g. -Dpackage=com.example.stream",
        appName     : "1 to 64 letters (any script), digits, spaces, '_', '.' or '-', starting with a letter or digit and not ending with a space, e.g. -DappName=\"Socket Stream\"",
        host        : "a host name, an IPv4 or an IPv6 address such as localhost, 127.0.0.1 or ::1, e.g. -Dhost=localhost",
        port        : "a whole number from 1 to 65535 without leading zeros, e.g. -Dport=9999",
        sparkVersion: "a Spark release of the 3.5 line (Scala 2.12) or the 4 line (Scala 2.13), without a Scala suffix; 3.4 and older are not supported. e.g. -DsparkVersion=@spark4.version@",
]

def projectDir = Paths.get(request.outputDirectory, request.artifactId)
Properties parameters = request.properties
parameters.setProperty('groupId', request.groupId)
parameters.setProperty('artifactId', request.artifactId)
parameters.setProperty('version', request.version)

List<String> problems = RULES.collect { key, rule ->
    String value = parameters.getProperty(key)
    value != null && value ==~ rule ? null : "${key} '${value}' is not allowed: use ${ALLOWED[key]}"
}.findAll()

if (problems) {
    deleteTree(projectDir)
    throw new IllegalArgumentException('Bad archetype parameter, so no project was generated:\n  - '
            + problems.join('\n  - ') + '\nRun archetype:generate again with these values corrected.')
}

// Said at once, rather than when the project first runs: Maven's Java cannot run this Spark line.
int java = Runtime.version().feature()
if (java >= 23 && parameters.getProperty('sparkVersion').startsWith('3.')) {
    println "WARNING: this Java ${java} cannot run Spark ${parameters.getProperty('sparkVersion')}, which needs Java 17 to 22:" +
            " run the project with JAVA_HOME set to one, or generate it again with -DsparkVersion=@spark4.version@"
}

// Real-time mode (Trigger.RealTime) came with Spark 4.1: before it (the 3.5 line, 4.0.x), lesson 5's
// real-time sibling, its test and its run configuration would not compile or run, so they are not kept.
String sparkLine = parameters.getProperty('sparkVersion')
if (sparkLine.startsWith('3.') || sparkLine.startsWith('4.0.')) {
    String packagePath = parameters.getProperty('package').replace('.', '/')
    ["src/main/java/${packagePath}/KafkaRealTimeApp.java", "src/test/java/${packagePath}/KafkaRealTimeAppTest.java",
     '.run/lesson-5-kafka-realtime.run.xml'].each { Files.deleteIfExists(projectDir.resolve(it)) }
}

// The plugin writes rendered files with this system's line separator and drops the executable bit:
// shell scripts (and the wrapper's mvnw) get LF and +x back, Windows scripts CRLF, whatever system
// generated them.
List<File> scripts = (projectDir.resolve('scripts').toFile().listFiles() ?: []) as List<File>
scripts += ['mvnw', 'mvnw.cmd'].collect { projectDir.resolve(it).toFile() }.findAll { it.exists() }
scripts.each { File script ->
    String text = script.getText('UTF-8').replace('\r\n', '\n')
    if (script.name.endsWith('.sh') || script.name == 'mvnw') {
        script.setText(text, 'UTF-8')
        script.setExecutable(true, false)
    } else if (script.name.endsWith('.cmd')) {
        script.setText(text.replace('\n', '\r\n'), 'UTF-8')
    }
}

void deleteTree(Path dir) {
    if (Files.exists(dir)) {
        Files.walk(dir).sorted(Comparator.reverseOrder()).forEach { Files.delete(it) }
    }
}
