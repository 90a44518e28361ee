// src/demo/demo.sh where no netcat is installed: every netcat hidden from PATH. The demo must say
// it uses the project's Java line server instead, and stream through it.
import java.util.concurrent.TimeUnit

def checks = new GroovyShell().parse(new File(basedir, '../../../test-classes/it-common/ProjectChecks.groovy'))
File archetype = new File(basedir, 'archetype')
String noNetcat = checks.pathWithout(archetype, 'netcat', ~/(nc|ncat|netcat)(\..*)?/)

int port = checks.freePort()
Process demo = checks.start(archetype, ['bash', 'src/demo/demo.sh', String.valueOf(port)], [PATH: noNetcat])
StringBuffer output = new StringBuffer()
demo.consumeProcessOutputStream(output)
assert demo.waitFor(600, TimeUnit.SECONDS): "the demo hangs:\n${output}"
demo.waitForProcessOutput()
assert demo.exitValue() == 0: output
assert output.contains('error: no netcat found'): output
assert output.contains("No netcat here: the project's Java line server instead"): output
assert output.contains("Line server on 127.0.0.1:${port} (Java)"): output
['hello, Spark', 'grüße, 你好, नमस्ते', 'closed the connection'].each { assert output.contains(it): output }
println "demo without netcat: streamed through the Java line server on port ${port}"
true
