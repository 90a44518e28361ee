// The demo runs on a copy of this repository's sources: it installs the archetype and writes target/.
evaluate(new File(sourceRoot, 'src/it/copy-sources.groovy'))
