// After generating a sample afresh: samples/<name>/ must hold exactly what the plugin made now, byte
// for byte (else it is stale: run src/samples/refresh.sh); then the sample must build and pass its
// tests, which the fresh copy, being identical, stands in for.
import java.util.concurrent.TimeUnit

File repository = new File(basedir, '../../../..').canonicalFile
String name = basedir.name
Properties parameters = new Properties()
new File(repository, "samples/${name}.properties").withInputStream { parameters.load(it) }
File fresh = new File(basedir, parameters.getProperty('artifactId'))
File sample = new File(repository, "samples/${name}")

SortedSet<String> filesOf(File root) {
    SortedSet<String> files = new TreeSet<>()
    root.eachFileRecurse(groovy.io.FileType.FILES) { file ->
        String path = root.toPath().relativize(file.toPath()).toString()
        if (!path.startsWith('target/')) {
            files << path
        }
    }
    files
}

String refresh = "samples/${name} is stale: run src/samples/refresh.sh and commit the result"
assert filesOf(sample) == filesOf(fresh): "${refresh} (files differ: ${(filesOf(sample) - filesOf(fresh)) + (filesOf(fresh) - filesOf(sample))})"
filesOf(fresh).each { path ->
    assert new File(sample, path).bytes == new File(fresh, path).bytes: "${refresh} (${path} differs)"
    assert new File(sample, path).canExecute() == new File(fresh, path).canExecute(): "${refresh} (${path}: executable bit)"
}

String mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
def build = new ProcessBuilder(mvn, '-B', 'verify').directory(fresh).redirectErrorStream(true)
        .redirectOutput(new File(basedir, 'sample-build.log')).start()
assert build.waitFor(15, TimeUnit.MINUTES): "the build of samples/${name} hangs"
assert build.exitValue() == 0: "samples/${name} does not build; see ${basedir}/sample-build.log"
println "samples/${name}: fresh, builds and passes its tests"
return true
