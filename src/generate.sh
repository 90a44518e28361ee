# Sourced by src/demo/demo.sh and src/samples/refresh.sh: installs this archetype into the local
# repository and generates projects from it with the real plugin, at the versions pom.xml gives.

# The first <version> of pom.xml is the project's own (it has no parent).
ARCHETYPE_VERSION=$(sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' pom.xml)
ARCHETYPE_PLUGIN_VERSION=$(sed -n 's:.*<archetype.version>\(.*\)</archetype.version>.*:\1:p' pom.xml)

install_archetype() {
  # Tests skipped: 'mvn verify' runs them.
  mvn -q -B install -DskipTests -Darchetype.test.skip=true -Dinvoker.skip=true
}

# generate DIR -Dname=value...: a project from the installed archetype, in DIR. The full plugin
# name resolves offline; the short archetype:generate asks the remote repository for the newest.
generate() {
  local dir=$1
  shift
  (cd "$dir" && mvn -q -B "org.apache.maven.plugins:maven-archetype-plugin:$ARCHETYPE_PLUGIN_VERSION:generate" \
    -DarchetypeCatalog=local -DarchetypeGroupId=io.github.sparkstarter \
    -DarchetypeArtifactId=spark-socket-archetype -DarchetypeVersion="$ARCHETYPE_VERSION" "$@")
}
