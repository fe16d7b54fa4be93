; Inno Setup 6 script: installs the one-folder build (dist\kiosk, made on Windows with build.spec) and
; starts the kiosk when the kiosk account logs on. Build it on Windows, from the repository's root:
;   iscc /DAppVersion=0.1.0 /DSite=content packaging\windows\kiosk.iss
; which writes dist\kiosk-content-0.1.0-windows-x86_64-setup.exe.
;
; Install it *as the kiosk account* (the account that logs on automatically): it then needs no admin
; rights, goes to %LOCALAPPDATA%\Programs and registers itself in that account's HKCU Run key. Run by an
; administrator for all users it goes to Program Files and the HKLM Run key instead (Inno's "auto" paths).
; The site's content is copied once to {autoappdata}\wachtkamer-kiosk\content, writable for staff mode,
; and kept on updates. For real lock-down (no Explorer, no task switching) use Shell Launcher or Assigned
; Access with kiosk.exe as the shell; see the README.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef Site
  #define Site "content"
#endif

[Setup]
AppId={{6F1D9B0E-3C2A-4E57-9A51-0B8C2D7E4A10}
AppName=Wachtkamer kiosk
AppVersion={#AppVersion}
AppPublisher=Wachtkamer kiosk
DefaultDirName={autopf}\Wachtkamer kiosk
DefaultGroupName=Wachtkamer kiosk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=kiosk-{#Site}-{#AppVersion}-windows-x86_64-setup
Compression=lzma2
SolidCompression=yes
CloseApplications=force
UninstallDisplayIcon={app}\kiosk.exe

[Files]
Source: "..\..\dist\kiosk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\dist\kiosk\_internal\resources\content\*"; DestDir: "{autoappdata}\wachtkamer-kiosk\content"; \
  Flags: onlyifdoesntexist uninsneveruninstall recursesubdirs createallsubdirs

[Dirs]
Name: "{autoappdata}\wachtkamer-kiosk\content"; Permissions: users-modify; Flags: uninsneveruninstall

[Registry]
Root: HKA; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; \
  ValueName: "WachtkamerKiosk"; \
  ValueData: """{app}\kiosk.exe"" --content ""{autoappdata}\wachtkamer-kiosk\content"""; \
  Flags: uninsdeletevalue

[Run]
; The same check CI runs: every screen renders, the QR reads back, the handout prints to PDF.
Filename: "{app}\kiosk-console.exe"; Parameters: "selftest --content ""{autoappdata}\wachtkamer-kiosk\content"""; \
  StatusMsg: "Checking the kiosk (selftest)..."; Flags: runhidden waituntilterminated
Filename: "{app}\kiosk.exe"; Parameters: "--content ""{autoappdata}\wachtkamer-kiosk\content"""; \
  Description: "Start the kiosk now"; Flags: nowait postinstall skipifsilent
