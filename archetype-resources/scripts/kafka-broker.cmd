@echo off
rem Starts the project's Kafka broker for lesson 5 on 127.0.0.1 (KRaft mode, inside a JVM). Ctrl-C stops it.
rem Usage: scripts\kafka-broker.cmd [port]     (default: 9092)
cd /d "%~dp0.."
rem Maven: the one installed, else the project's wrapper (it downloads Maven once; only a JDK needed).
set MVN=mvn
where mvn >nul 2>nul || set MVN=mvnw.cmd
call %MVN% -q compile exec:java@kafka-broker "-Dexec.args=%*"
