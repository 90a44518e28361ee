@echo off
rem A line server in Java, like "nc -lk PORT", for Windows: each line typed here goes to the app.
rem Usage: scripts\line-server.cmd [port] [bind-address]     (default: 9999 127.0.0.1)
cd /d "%~dp0.."
mvn -q compile exec:java@line-server "-Dexec.args=%*"
