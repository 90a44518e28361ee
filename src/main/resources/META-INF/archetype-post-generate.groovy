// Runs after the archetype plugin has written the project. The plugin checks validationRegex only
// for typed answers, never for -D values or in batch mode, so every parameter is checked here; when
// one is bad, the project is removed and generation fails with a message naming it.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths

import groovy.transform.Field

def projectDir = Paths.get(request.outputDirectory, request.artifactId)
Properties parameters = request.properties

List<String> problems = []
problems += checkPackage(parameters.getProperty('package'))
problems += checkAppName(parameters.getProperty('appName'))
problems += checkHost(parameters.getProperty('host'))
problems += checkPort(parameters.getProperty('port'))
problems = problems.findAll()

if (problems) {
    deleteTree(projectDir)
    throw new IllegalArgumentException('Bad archetype parameter, so no project was generated:\n  - '
            + problems.join('\n  - ') + '\nRun archetype:generate again with these values corrected.')
}

// The plugin writes rendered files with this system's line separator and drops the executable bit:
// shell scripts get LF and +x back, Windows scripts CRLF, whatever system generated them.
projectDir.resolve('scripts').toFile().listFiles()?.each { File script ->
    String text = script.getText('UTF-8').replace('\r\n', '\n')
    if (script.name.endsWith('.sh')) {
        script.setText(text, 'UTF-8')
        script.setExecutable(true, false)
    } else if (script.name.endsWith('.cmd')) {
        script.setText(text.replace('\n', '\r\n'), 'UTF-8')
    }
}

// Each check returns null when the value is good, else what is wrong and what to do.

String checkPort(String value) {
    if (value ==~ /[0-9]{1,5}/ && (value as int) in 1..65535) {
        return null
    }
    "port '${value}' is not a TCP port: give a whole number from 1 to 65535, e.g. -Dport=9999"
}

String checkHost(String value) {
    String label = /[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?/
    boolean hostName = value != null && value.length() <= 253 && value ==~ /${label}(\.${label})*/
    boolean allNumbers = value ==~ /[0-9.]+/
    if (hostName && !allNumbers || isIpv4(value) || isIpv6(value)) {
        return null
    }
    "host '${value}' is not a host name, IPv4 or IPv6 address: give one such as localhost, 127.0.0.1 or ::1, e.g. -Dhost=localhost"
}

boolean isIpv4(String value) {
    value ==~ /([0-9]{1,3}\.){3}[0-9]{1,3}/ && value.split(/\./).every { (it as int) <= 255 }
}

boolean isIpv6(String value) {
    if (!(value ==~ /[0-9A-Fa-f:.]{2,45}/) || !value.contains(':')) {
        return false
    }
    try {
        // A literal with ':' is parsed, never looked up.
        return InetAddress.getByName(value) instanceof Inet6Address
    } catch (UnknownHostException e) {
        return false
    }
}

String checkAppName(String value) {
    if (value ==~ /[\p{L}\p{N}][\p{L}\p{M}\p{N} _.-]{0,63}/ && !value.endsWith(' ')) {
        return null
    }
    "appName '${value}' is not allowed: use 1 to 64 letters (any script), digits, spaces, '_', '.' or '-', " +
            "starting with a letter or digit, e.g. -DappName=\"Socket Stream\""
}

@Field final Set<String> JAVA_KEYWORDS = ('abstract assert boolean break byte case catch char class const continue '
        + 'default do double else enum extends final finally float for goto if implements import instanceof int '
        + 'interface long native new package private protected public return short static strictfp super switch '
        + 'synchronized this throw throws transient try void volatile while true false null _').split(' ') as Set

String checkPackage(String value) {
    List<String> parts = value == null ? [] : value.split(/\./, -1) as List
    boolean valid = !parts.isEmpty() && parts.every { it ==~ /[A-Za-z_][A-Za-z0-9_]*/ && !(it in JAVA_KEYWORDS) }
    if (valid) {
        return null
    }
    "package '${value}' is not a Java package: use dot-separated names of letters, digits and '_', " +
            "none starting with a digit and none a Java keyword, e.g. -Dpackage=com.example.stream"
}

void deleteTree(Path dir) {
    if (Files.exists(dir)) {
        Files.walk(dir).sorted(Comparator.reverseOrder()).forEach { Files.delete(it) }
    }
}
