// Copies this repository's sources into archetype/ of an invoker case, which builds or runs that
// copy: the real pom, templates and scripts, apart from the build running the test (whose target/
// is left alone). Each case's setup.groovy evaluates this file with sourceRoot and basedir set.
import java.nio.file.FileVisitResult
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.SimpleFileVisitor
import java.nio.file.StandardCopyOption
import java.nio.file.attribute.BasicFileAttributes

Path from = new File(sourceRoot).toPath()
Path to = new File(basedir, 'archetype').toPath()
Files.walkFileTree(from, new SimpleFileVisitor<Path>() {
    FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (dir != from && dir.fileName.toString() in ['target', '.git']) {
            return FileVisitResult.SKIP_SUBTREE
        }
        Files.createDirectories(to.resolve(from.relativize(dir).toString()))
        return FileVisitResult.CONTINUE
    }

    FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES)
        return FileVisitResult.CONTINUE
    }
})
assert Files.isRegularFile(to.resolve('pom.xml'))
return true
