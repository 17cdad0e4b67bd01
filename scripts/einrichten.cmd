@echo off
rem Windows: richtet .venv mit den Paketen der genannten Sperrdateien ein, so wie scripts/setup.sh unter Linux
rem (ohne Systempakete: Pango fuer WeasyPrint installieren Sie einmal selbst, siehe docs\anleitungen\installation.md).
rem Aufruf: scripts\einrichten.cmd requirements.lock [requirements-test.lock ...]
setlocal
cd /d "%~dp0.."
if not exist ".venv\Scripts\python.exe" (
  echo Einrichtung: Python-Umgebung .venv
  py -3 -m venv .venv 2>nul || python -m venv .venv || goto :ohnepython
)
:naechste
if "%~1"=="" exit /b 0
set "stempel=.venv\.%~n1-lock"
fc /b "%~1" "%stempel%" >nul 2>&1
if errorlevel 1 (
  echo Einrichtung: Python-Pakete aus %~1 nach .venv
  ".venv\Scripts\python.exe" -m pip install -q --disable-pip-version-check -r "%~1" || exit /b 1
  copy /y "%~1" "%stempel%" >nul
)
shift
goto :naechste
:ohnepython
echo Fehler: Python 3.11 oder neuer fehlt - installieren Sie es von python.org (beim Installieren "Add python.exe to PATH" ankreuzen). 1>&2
exit /b 1
