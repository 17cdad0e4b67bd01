@echo off
rem Windows: dasselbe wie ./testen.sh - richtet bei Bedarf .venv mit den Testwerkzeugen ein und fuehrt die Tests aus.
rem Weitere Angaben gehen an pytest. Chromium, Java (veraPDF) und pdftoppm richtet es nicht ein: die Tests, die sie
rem brauchen, werden dann uebersprungen oder schlagen fehl (docs\anleitungen\windows.md sagt, was unter Windows belegt ist).
setlocal
cd /d "%~dp0"
call scripts\einrichten.cmd requirements-test.lock requirements-handbuch.lock || exit /b 1
".venv\Scripts\python.exe" -m pytest %*
exit /b %errorlevel%
