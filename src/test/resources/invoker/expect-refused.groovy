// The post-build check of every case in src/it/refused (pom.xml names it; RefusedCasesTest checks
// that the plugin finds it): the build failed naming the bad parameter and value, and left no project.
File project = new File(basedir, 'demo')
String log = new File(basedir, 'build.log').getText('UTF-8')

if (new File(basedir, 'good.properties').exists()) {
    // retry-after-failure: the first build was refused, the second generated the project.
    assert log.contains("port '99999' is not allowed")
    assert new File(project, 'pom.xml').exists(): 'the retry with a good port generated nothing'
    assert new File(project, 'scripts/netcat-server.sh').getText('UTF-8').contains('PORT=12345')
    return true
}

Properties bad = new Properties()
new File(basedir, 'test.properties').withInputStream { bad.load(it) }
String key = bad.stringPropertyNames().first()
String value = bad.getProperty(key)
assert log.contains('Bad archetype parameter, so no project was generated'): log
assert log.contains("${key} '"): "the message does not name ${key}"
if (!value.contains('\n')) {
    assert log.contains("${key} '${value}'"): "the message does not show the value of ${key}"
}
assert !project.exists(): "a project was left behind in ${project}"
assert !new File(basedir, 'pwned').exists(): 'a value ran a command'
return true
