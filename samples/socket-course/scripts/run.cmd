@echo off
rem Builds the app jar if it is missing, then runs it. Usage: scripts\run.cmd [host] [port]
cd /d "%~dp0.."
set JAR=socket-course-1.0.0.jar
if not exist "target\%JAR%" call mvn -q -B -DskipTests package || exit /b 1
rem .mvn\jvm.config holds the JVM flags Spark needs on Java 17+; java reads them as an @-file.
java @.mvn\jvm.config -jar "target\%JAR%" %*
