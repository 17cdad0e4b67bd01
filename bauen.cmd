@echo off
rem Windows: dasselbe wie ./bauen.sh - richtet bei Bedarf .venv ein und baut data\ nach output\.
rem Weitere Angaben gehen an build.py, z. B. bauen pruefen, bauen vorschau, bauen hilfe.
setlocal
cd /d "%~dp0"
if /i "%~1"=="hilfe" (
  call scripts\einrichten.cmd requirements.lock requirements-handbuch.lock || exit /b 1
) else (
  call scripts\einrichten.cmd requirements.lock || exit /b 1
)
".venv\Scripts\python.exe" build.py %*
exit /b %errorlevel%
