// The file repository holds what Central requires: the pom with its metadata, the jar, the sources
// and javadoc jars, each with checksums that match.
import java.security.MessageDigest
import java.util.zip.ZipFile

File artifactDir = new File(basedir, 'repo/io/github/sparkstarter/spark-socket-archetype')
File[] versions = artifactDir.listFiles({ it.isDirectory() } as FileFilter)
assert versions?.length == 1: "one version deployed in ${artifactDir}, found ${versions*.name}"
File dir = versions[0]

// A snapshot's files carry a timestamp, a release's the version: the name of the one pom says which.
File[] poms = dir.listFiles({ it.name.endsWith('.pom') } as FileFilter)
assert poms.length == 1: "one pom in ${dir}, found ${poms*.name}"
String base = poms[0].name - ~/\.pom$/

def digest = { File file, String algorithm ->
    MessageDigest md = MessageDigest.getInstance(algorithm)
    file.withInputStream { input ->
        byte[] buffer = new byte[65536]
        for (int n; (n = input.read(buffer)) > 0;) {
            md.update(buffer, 0, n)
        }
    }
    md.digest().encodeHex().toString()
}

def entries = { File jar -> new ZipFile(jar).withCloseable { zip -> zip.entries()*.name as Set } }

Map<String, File> files = [:]
for (String suffix : ['.pom', '.jar', '-sources.jar', '-javadoc.jar']) {
    File file = new File(dir, base + suffix)
    assert file.isFile(): "missing ${file.name} in ${dir}: ${dir.list().sort()}"
    [sha1: 'SHA-1', md5: 'MD5'].each { ext, algorithm ->
        File sum = new File(dir, "${file.name}.${ext}")
        assert sum.isFile(): "missing ${sum.name}"
        assert sum.text.trim().split(/\s+/)[0] == digest(file, algorithm): "${sum.name} does not match ${file.name}"
    }
    files[suffix] = file
}

String pom = files['.pom'].getText('UTF-8')
for (String element : ['<name>', '<description>', '<url>', '<licenses>', '<developers>', '<scm>', '<issueManagement>']) {
    assert pom.contains(element): "the deployed pom lacks ${element}, which Central requires or README promises"
}

Set<String> jar = entries(files['.jar'])
assert jar.contains('META-INF/maven/archetype-metadata.xml')
assert jar.contains('archetype-resources/pom.xml')
assert jar.contains('META-INF/LICENSE')

Set<String> sources = entries(files['-sources.jar'])
assert sources.contains('META-INF/maven/archetype-metadata.xml')
assert sources.contains('archetype-resources/pom.xml')

File javadoc = files['-javadoc.jar']
assert entries(javadoc).containsAll(['index.html', 'META-INF/LICENSE'])
String page = new ZipFile(javadoc).withCloseable { zip -> zip.getInputStream(zip.getEntry('index.html')).getText('UTF-8') }
assert !(page =~ /@[\w.-]+@/): 'a token was left in the javadoc page'
assert page.contains('maven-archetype-plugin:')
return true
