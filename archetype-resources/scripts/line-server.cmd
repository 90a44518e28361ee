@echo off
rem A line server in Java, like "nc -lk PORT", for Windows: each line typed here goes to the app.
rem Usage: scripts\line-server.cmd [port] [bind-address]     (default: ${port} 127.0.0.1)
cd /d "%~dp0.."
rem Maven: the one installed, else the project's wrapper (it downloads Maven once; only a JDK needed).
set MVN=mvn
where mvn >nul 2>nul || set MVN=mvnw.cmd
call %MVN% -q compile exec:java@line-server "-Dexec.args=%*"
