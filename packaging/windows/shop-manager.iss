; Inno Setup 6 script: Shop Manager's Windows installer, from the PyInstaller bundle.
;
;   iscc /DAppVersion=0.1.0 packaging\windows\shop-manager.iss
;
; Expects (relative to this file) ..\..\build\package\dist\shop-manager\ (PyInstaller,
; packaging/shop-manager.spec, windowed) and ..\..\build\icons\shop-manager.ico
; (packaging/render_icons.py --ico); writes ..\..\dist\shop-manager-<version>-windows-x64-setup.exe.
; Built and tested by .github/workflows/installers.yml (job "windows"), not on Linux.
;
; User data: the shop lives in %APPDATA%\shop-manager (Qt's per-user data folder),
; which this installer never writes to. The uninstaller removes exactly the files
; it installed (there is no [UninstallDelete] section), so the shop stays when the
; program is removed or upgraded.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=<version from pyproject.toml>
#endif

[Setup]
; The AppId identifies the program for upgrades and the uninstaller: never change it.
AppId={{C684BB12-E69C-49A4-A6F5-9DCA986C81DA}
AppName=Shop Manager
AppVersion={#AppVersion}
AppVerName=Shop Manager {#AppVersion}
AppPublisher=Shop Manager contributors
VersionInfoVersion={#AppVersion}
; Per user by default (no administrator needed at the till); "all users" on request.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
DefaultDirName={autopf}\Shop Manager
DefaultGroupName=Shop Manager
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=shop-manager-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\build\icons\shop-manager.ico
UninstallDisplayIcon={app}\shop-manager.exe
UninstallDisplayName=Shop Manager
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running Shop Manager before replacing its files.
CloseApplications=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\build\package\dist\shop-manager\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; The Start menu entry; the uninstaller is listed in Settings > Apps.
Name: "{autoprograms}\Shop Manager"; Filename: "{app}\shop-manager.exe"; Comment: "Catalog, counter orders and stock"
Name: "{autodesktop}\Shop Manager"; Filename: "{app}\shop-manager.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\shop-manager.exe"; Description: "{cm:LaunchProgram,Shop Manager}"; Flags: nowait postinstall skipifsilent
