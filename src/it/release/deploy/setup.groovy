// The release build runs on a copy of this repository's sources.
evaluate(new File(sourceRoot, 'src/it/copy-sources.groovy'))
