# Test-server helpers for the Pester tests and for build.ps1's demo task.
#
# Start-RealGradio   a genuine Gradio (4.37.2, 5.14.0 or 5.45.0) through ../shared/real-gradio/run.sh
# Start-FakeGradio   the project's own fake server (tests/FakeGradio), run from its built DLL
# Start-GradioPython a genuine Gradio from any python that has gradio (GRADIO_PYTHON)
# Stop-RealGradio    stops any server the three above returned
#
# Every server binds to 127.0.0.1 on a free port, and every Start-* returns the same shape:
# Url (with trailing slash), Port, Version, Pid, Kind, LogPath. Tests start servers in
# BeforeAll and stop them in AfterAll.

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:LogDir = Join-Path ([IO.Path]::GetTempPath()) 'powershai-hf-servers'

function Get-RealGradioSkipReason {
    <# Why genuine Gradio cannot run here, or $null when it can. #>
    $path = Join-Path (Split-Path $script:RepoRoot -Parent) 'shared/real-gradio'
    if (-not (Test-Path (Join-Path $path 'run.sh'))) { return "../shared/real-gradio is absent beside the repository ($path)" }
    # Its setup.sh unpacks Debian packages for Linux x86_64.
    if (-not $IsLinux) { return '../shared/real-gradio installs Gradio on Linux only' }
    return $null
}

function Test-RealGradioAvailable([string] $What = 'Genuine Gradio tests') {
    <# For a test file's BeforeDiscovery: whether genuine Gradio can run here; says why not when it cannot. #>
    $reason = Get-RealGradioSkipReason
    if ($reason) { Write-Host "$What skip: $reason." }
    return -not $reason
}

function Get-TestModuleManifest {
    <# The built module the tests import: $env:POWERSHAI_HF_MODULE (set by build.ps1 test), else out/ of this checkout. #>
    if ($env:POWERSHAI_HF_MODULE) { return $env:POWERSHAI_HF_MODULE }
    return Join-Path $script:RepoRoot 'out/PowershAI.HuggingFace/PowershAI.HuggingFace.psd1'
}

function Get-TestPwsh {
    <# This PowerShell as a command for a fresh process: under `dotnet pwsh` the process is dotnet running pwsh.dll. #>
    $pwsh = @([Environment]::ProcessPath)
    if ((Split-Path -Leaf $pwsh[0]) -match '^dotnet(\.exe)?$') { $pwsh += Join-Path $PSHOME 'pwsh.dll' }
    , $pwsh
}

function Get-RealGradioRoot {
    <# The genuine-Gradio kit beside the repo (../shared/real-gradio), or $null when absent or unusable. #>
    if (Get-RealGradioSkipReason) { return $null }
    return (Resolve-Path (Join-Path (Split-Path $script:RepoRoot -Parent) 'shared/real-gradio')).Path
}

function Get-FreeTcpPort {
    <# A free loopback port: bind port 0 and let the OS pick. #>
    $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { return $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function New-ServerInfo($Kind, $Url, $Port, $Version, $ProcessId, $LogPath, $Process) {
    if (-not $Url.EndsWith('/')) { $Url += '/' }
    [pscustomobject]@{
        PSTypeName = 'PowershAI.HuggingFace.Tests.GradioServer'
        Kind       = $Kind        # genuine (run.sh) | python (GRADIO_PYTHON) | fake
        Url        = $Url
        Port       = [int]$Port
        Version    = $Version     # Gradio version, or the fake server's profile
        Pid        = [int]$ProcessId
        LogPath    = $LogPath
        Process    = $Process     # set when this module started the process itself
    }
}

function Get-LogTail([string] $Path, [int] $Lines = 30) {
    if ($Path -and (Test-Path $Path)) { return (Get-Content $Path -Tail $Lines) -join "`n" }
    return '(no log)'
}

function Start-LoggedProcess {
    # Start-Process with stdout/stderr in files, so a failing server can be diagnosed
    # after the fact, and the process object kept for a tree kill.
    param([string] $FilePath, [string[]] $ArgumentList, [string] $Name, [hashtable] $Environment = @{},
          [string] $WorkingDirectory = $script:RepoRoot)
    $null = New-Item -ItemType Directory -Force $script:LogDir
    $log = Join-Path $script:LogDir "$Name.log"
    $err = Join-Path $script:LogDir "$Name.err.log"
    $process = Start-Process -FilePath $FilePath -ArgumentList $ArgumentList -WorkingDirectory $WorkingDirectory `
        -RedirectStandardOutput $log -RedirectStandardError $err -Environment $Environment -PassThru
    return [pscustomobject]@{ Process = $process; LogPath = $log; ErrPath = $err }
}

function Wait-ServerReady {
    # Ready means: the READY line appeared in the log (when a pattern is given), or /config
    # answers with any HTTP status (401 counts: auth apps answer that). Gives up when the
    # process exits or the time runs out, and says why with the end of its logs.
    param($Started, [string] $Url, [string] $ReadyPattern, [int] $TimeoutSec = 60)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    while ([DateTime]::UtcNow -lt $deadline) {
        if ($ReadyPattern) {
            $m = Select-String -Path $Started.LogPath -Pattern $ReadyPattern -ErrorAction SilentlyContinue | Select-Object -First 1
            if ($m) { return $m.Matches[0] }
        } else {
            try {
                $null = Invoke-WebRequest -Uri "${Url}config" -TimeoutSec 2 -SkipHttpErrorCheck
                return $true
            } catch { <# not listening yet #> }
        }
        if ($Started.Process.HasExited) {
            throw "The server exited (code $($Started.Process.ExitCode)) before it was ready.`nstdout: $(Get-LogTail $Started.LogPath)`nstderr: $(Get-LogTail $Started.ErrPath)"
        }
        Start-Sleep -Milliseconds 200
    }
    Stop-ProcessTree $Started.Process
    throw "The server was not ready after ${TimeoutSec} s.`nstdout: $(Get-LogTail $Started.LogPath)`nstderr: $(Get-LogTail $Started.ErrPath)"
}

function Stop-ProcessTree([Diagnostics.Process] $Process) {
    # The whole tree: `dotnet run` leaves the real server as a child process.
    if ($Process -and -not $Process.HasExited) {
        $Process.Kill($true)
        $null = $Process.WaitForExit(10000)
    }
}

function Start-RealGradio {
    <#
    .SYNOPSIS
        Start an app of ../shared/real-gradio/apps on a genuine Gradio, via run.sh.
    .EXAMPLE
        $server = Start-RealGradio -App simple-app.py -Version 4.37.2
    #>
    param(
        [Parameter(Mandatory)] [string] $App,
        [ValidateSet('5.14.0', '4.37.2', '5.45.0')] [string] $Version = '5.14.0'
    )
    $root = Get-RealGradioRoot
    if (-not $root) { throw 'Genuine Gradio is not available: ../shared/real-gradio is absent beside the repo.' }
    $appPath = if ([IO.Path]::IsPathRooted($App)) { $App } else { Join-Path $root "apps/$App" }
    if (-not (Test-Path $appPath)) { throw "No such app: $appPath" }

    # A free port can be taken by someone else before run.sh binds it; try a few.
    $lastError = $null
    foreach ($attempt in 1..3) {
        $port = Get-FreeTcpPort
        $env:REAL_GRADIO_LITE_VERSION = $Version
        try {
            $output = @(& bash (Join-Path $root 'run.sh') $appPath $port 2>&1 | ForEach-Object { "$_" })
        } finally { Remove-Item Env:REAL_GRADIO_LITE_VERSION }
        $ready = $output | Select-String -Pattern 'READY pid=(\d+) url=(\S+) gradio=(\S+) log=(\S+)' | Select-Object -First 1
        if ($LASTEXITCODE -eq 0 -and $ready) {
            $g = $ready.Matches[0].Groups
            return New-ServerInfo genuine $g[2].Value $port $g[3].Value $g[1].Value $g[4].Value $null
        }
        $lastError = "run.sh $App on port $port (Gradio $Version) failed (exit code $LASTEXITCODE):`n$($output -join "`n")"
    }
    throw $lastError
}

function Get-FakeGradioPath {
    <# The built fake server's DLL, as MSBuild names it (the test task builds it). #>
    param([string] $Configuration = 'Release')
    if ($env:POWERSHAI_FAKEGRADIO_PATH) { return $env:POWERSHAI_FAKEGRADIO_PATH }
    $project = Join-Path $script:RepoRoot 'tests/FakeGradio'
    $path = (& dotnet msbuild $project -nologo "-p:Configuration=$Configuration" '-getProperty:TargetPath' | Out-String).Trim()
    if ($LASTEXITCODE -ne 0 -or -not $path) { throw "MSBuild could not tell the fake server's TargetPath: $path" }
    return $path
}

function Start-FakeGradio {
    <#
    .SYNOPSIS
        Start the project's fake Gradio server (tests/FakeGradio) on a free loopback port.
    .DESCRIPTION
        Runs the built DLL directly (fast); -UseDotnetRun builds and runs the project instead,
        which the demo uses because it must work before anything else was built.
        Every fault of tests/FakeGradio/FakeGradioOptions.cs is also served under
        "$($server.Url)fault/<name>/" (FaultScope.cs); -Faults puts faults on the root app too, and
        -ServerArgument passes any other option (--stall-sec 10, --fault-size N, ...), and
        -Environment variables for its process (TMPDIR places its upload store).
        The server stops by itself after -LifetimeSec, should a test run forget it.
    .EXAMPLE
        $server = Start-FakeGradio -Profile v5 -App full
    .EXAMPLE
        $server = Start-FakeGradio -ServerArgument '--stall-sec', '30'
        Get-GradioInfo "$($server.Url)fault/rate-limited/3/"   # 429 three times, then the app
    #>
    param(
        [string] $Profile = 'v5',
        [string] $App = 'full',
        [string[]] $Faults = @(),
        [string[]] $ServerArgument = @(),
        [int] $LifetimeSec = 1800,
        [hashtable] $Environment = @{},
        [switch] $UseDotnetRun,
        [int] $TimeoutSec = 60
    )
    $port = Get-FreeTcpPort
    $serverArgs = @('--profile', $Profile, '--app', $App, '--port', "$port", '--lifetime-sec', "$LifetimeSec") + $ServerArgument
    if ($Faults) { $serverArgs += @('--faults', ($Faults -join ',')) }
    if ($UseDotnetRun) {
        $arguments = @('run', '--project', (Join-Path $script:RepoRoot 'tests/FakeGradio'), '-c', 'Release', '--') + $serverArgs
        $TimeoutSec = [Math]::Max($TimeoutSec, 180)   # includes a build on a fresh clone
    } else {
        $dll = Get-FakeGradioPath
        if (-not (Test-Path $dll)) { throw "The fake server is not built ($dll); run: dotnet pwsh ./build.ps1 test" }
        $arguments = @($dll) + $serverArgs
    }
    $started = Start-LoggedProcess -FilePath 'dotnet' -ArgumentList $arguments -Name "fake-$Profile-$App-$port" -Environment $Environment
    # The fake server prints "READY url=http://127.0.0.1:PORT/ profile=v5" once it listens.
    $match = Wait-ServerReady -Started $started -ReadyPattern 'READY url=(\S+) profile=(\S+)' -TimeoutSec $TimeoutSec
    return New-ServerInfo fake $match.Groups[1].Value $port $match.Groups[2].Value $started.Process.Id $started.LogPath $started.Process
}

function Start-FakeHub {
    <#
    .SYNOPSIS
        Start the project's Hugging Face Hub emulator (tests/FakeHub) on a free loopback port.
    .DESCRIPTION
        Builds it first when its DLL is missing. -Space maps Space ids to the Gradio servers
        their "host" should point at ("owner/demo=http://127.0.0.1:7860/"); -ServerArgument passes any
        other option of tests/FakeHub/Program.cs ('--bulk-models', '2470'). The result's Url is
        what HF_ENDPOINT is set to; Cdn is the second host name its downloads redirect to.
    .EXAMPLE
        $hub = Start-FakeHub -Space "owner/demo=$($gradio.Url)"
    #>
    param([string[]] $Space = @(), [string[]] $ServerArgument = @(), [int] $TimeoutSec = 120)
    $project = Join-Path $script:RepoRoot 'tests/FakeHub'
    $dll = if ($env:POWERSHAI_FAKEHUB_PATH) { $env:POWERSHAI_FAKEHUB_PATH } else {
        (& dotnet msbuild $project -nologo '-p:Configuration=Release' '-getProperty:TargetPath' | Out-String).Trim()
    }
    if (-not (Test-Path $dll)) {
        $build = & dotnet build $project -c Release --nologo 2>&1
        if ($LASTEXITCODE -ne 0) { throw "The Hub emulator did not build:`n$($build -join "`n")" }
    }
    $port = Get-FreeTcpPort
    $arguments = @($dll, '--port', "$port") + @($Space | ForEach-Object { '--space', $_ }) + $ServerArgument
    $started = Start-LoggedProcess -FilePath 'dotnet' -ArgumentList $arguments -Name "fakehub-$port"
    # It prints "READY url=http://127.0.0.1:PORT/ cdn=http://localhost:PORT/" once it listens.
    $match = Wait-ServerReady -Started $started -ReadyPattern 'READY url=(\S+) cdn=(\S+)' -TimeoutSec $TimeoutSec
    $server = New-ServerInfo fakehub $match.Groups[1].Value $port 'hub' $started.Process.Id $started.LogPath $started.Process
    $server | Add-Member -NotePropertyName Cdn -NotePropertyValue $match.Groups[2].Value -PassThru
}

function Start-GradioPython {
    <#
    .SYNOPSIS
        Start a Gradio app with a python that has gradio installed (e.g. GRADIO_PYTHON).
    #>
    param([Parameter(Mandatory)] [string] $Python, [Parameter(Mandatory)] [string] $App, [int] $TimeoutSec = 90)
    $port = Get-FreeTcpPort
    # Loopback only, fixed port, no telemetry: the same settings run.sh uses.
    $environment = @{
        GRADIO_SERVER_NAME = '127.0.0.1'; GRADIO_SERVER_PORT = "$port"; PYTHONUNBUFFERED = '1'
        GRADIO_ANALYTICS_ENABLED = 'False'; HF_HUB_DISABLE_TELEMETRY = '1'; DO_NOT_TRACK = '1'
    }
    $started = Start-LoggedProcess -FilePath $Python -ArgumentList @($App) -Name "python-$port" `
        -Environment $environment -WorkingDirectory (Split-Path $App -Parent)
    $url = "http://127.0.0.1:$port/"
    $null = Wait-ServerReady -Started $started -Url $url -TimeoutSec $TimeoutSec
    $version = try { (Invoke-RestMethod "${url}config" -TimeoutSec 5).version } catch { 'unknown' }
    return New-ServerInfo python $url $port $version $started.Process.Id $started.LogPath $started.Process
}

function Stop-RealGradio {
    <#
    .SYNOPSIS
        Stop a server returned by Start-RealGradio, Start-FakeGradio or Start-GradioPython.
        Safe to call twice, and with $null (a BeforeAll that failed half-way).
    #>
    param([Parameter(ValueFromPipeline)] $Server)
    process {
        if (-not $Server) { return }
        if ($Server.Process) {
            Stop-ProcessTree $Server.Process
        } elseif ($Server.Kind -eq 'genuine') {
            $root = Get-RealGradioRoot
            & bash (Join-Path $root 'run.sh') --stop $Server.Port 2>&1 | Out-Null
            if ($LASTEXITCODE -ne 0) {
                # run.sh --stop relies on its pid file; if that is gone, stop the pid it printed.
                Stop-Process -Id $Server.Pid -Force -ErrorAction SilentlyContinue
            }
        }
    }
}

Set-Alias -Name Stop-FakeGradio -Value Stop-RealGradio

# The Hugging Face settings the module reads from the environment. A test clears them so the
# machine's own (a token, a cache, an endpoint) never reach it, and puts them back at the end.
$script:HubEnvironmentNames = 'HF_ENDPOINT', 'HF_INFERENCE_ENDPOINT', 'HF_TOKEN', 'HUGGING_FACE_HUB_TOKEN', 'HF_API_TOKEN',
    'HF_TOKEN_PATH', 'HF_HOME', 'HF_HUB_CACHE', 'HUGGINGFACE_HUB_CACHE', 'HF_HUB_OFFLINE', 'HF_HUB_DISABLE_IMPLICIT_TOKEN',
    'HF_HUB_ETAG_TIMEOUT', 'HF_HUB_DOWNLOAD_TIMEOUT'

function Clear-HubEnvironment {
    $saved = @{}
    foreach ($name in $HubEnvironmentNames) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $null)
    }
    $saved
}

function Restore-HubEnvironment([hashtable] $Saved) {
    if ($Saved) { foreach ($kv in $Saved.GetEnumerator()) { [Environment]::SetEnvironmentVariable($kv.Key, $kv.Value) } }
}

Export-ModuleMember -Function Clear-HubEnvironment, Restore-HubEnvironment, Get-RealGradioRoot, Get-RealGradioSkipReason, Test-RealGradioAvailable, Get-TestModuleManifest, Get-TestPwsh, Get-FreeTcpPort, Start-RealGradio, Start-FakeGradio, Start-FakeHub,
    Start-GradioPython, Stop-RealGradio, Get-FakeGradioPath -Alias Stop-FakeGradio
