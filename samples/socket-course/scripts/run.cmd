@echo off
rem Builds the app jar if it is missing, then runs it. Usage: scripts\run.cmd [host] [port]
cd /d "%~dp0.."
rem Maven: the one installed, else the project's wrapper (it downloads Maven once; only a JDK needed).
set MVN=mvn
where mvn >nul 2>nul || set MVN=mvnw.cmd
set JAR=socket-course-1.0.0.jar
if not exist "target\%JAR%" call %MVN% -q -B -DskipTests package || exit /b 1
rem .mvn\jvm.config holds the JVM flags Spark needs on Java 17+; java reads them as an @-file.
java @.mvn\jvm.config -jar "target\%JAR%" %*
