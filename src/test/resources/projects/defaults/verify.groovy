// Generated with defaults, then built with 'mvn verify' (its own tests ran). Check what was made.

File dir = context.projectDir

def settings = new File(dir, 'src/main/java/org/example/it/default_app/StreamSettings.java')
assert settings.exists(): 'package derived from groupId and artifactId'
assert settings.getText('UTF-8').contains('APP_NAME = "default-app"')
assert settings.getText('UTF-8').contains('DEFAULT_HOST = "localhost"')
assert settings.getText('UTF-8').contains('DEFAULT_PORT = 9999')

['.gitignore', '.gitattributes', '.mvn/jvm.config', 'README.md', 'src/main/resources/log4j2.properties'].each {
    assert new File(dir, it).exists(): "missing ${it}"
}
['scripts/netcat-server.sh', 'scripts/run.sh'].each {
    assert new File(dir, it).canExecute(): "${it} is not executable"
    assert !new File(dir, it).getText('UTF-8').contains('\r'): "${it} has CR line endings"
}
assert new File(dir, 'scripts/netcat-server.sh').getText('UTF-8').contains('PORT=9999')
assert new File(dir, 'target/default-app-0.1.0-SNAPSHOT.jar').exists(): 'runnable jar built'
assert new File(dir, 'target/surefire-reports').list().any { it.endsWith('SocketStreamAppEndToEndTest.txt') }
