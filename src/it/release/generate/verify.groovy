// The project was generated, from the archetype in the file repository, into an empty local repository.
File project = new File(basedir, 'my-stream')
assert new File(project, 'pom.xml').isFile(): "no project in ${project}"
assert new File(project, 'README.md').isFile()
String pom = new File(project, 'pom.xml').getText('UTF-8')
assert pom =~ /<spark.version>4\./ && pom.contains('<scala.binary.version>2.13<'): 'not the Spark 4 line asked for'

String log = new File(basedir, 'build.log').getText('UTF-8')
// The plugin itself came from Central: the local repository did not have it.
assert log =~ /Downloaded from central: \S+maven-archetype-plugin/: 'the archetype plugin was not downloaded from Central'
assert log =~ /Downloaded from release-it: \S+spark-socket-archetype/: 'the archetype was not downloaded from the file repository'
File local = new File(basedir, "../local-repository/io/github/sparkstarter/spark-socket-archetype/${archetypeVersion}")
assert local.isDirectory(): "the archetype is not in the local repository ${local}"
return true
