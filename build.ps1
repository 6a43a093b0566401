#Requires -Version 7.2
<#
.SYNOPSIS
    Build, test and demo PowershAI.HuggingFace.

.DESCRIPTION
    build  Publishes src/PowershAI.HuggingFace and lays out the importable module in
           out/PowershAI.HuggingFace/ (stamped manifest, the two module DLLs, an explicit
           allow-list of dependency DLLs, help and formats). Skipped when no input changed.
    test   build, then xunit (tests/PowershAI.HuggingFace.Core.Tests), the genuine Gradio
           servers (../shared/real-gradio/setup.sh, when that folder exists) and Pester
           (tests/pester) in a child pwsh that imports the built module. The last line
           printed is "total: N passed, N failed, N skipped".
    package
           build, then pack out/PowershAI.HuggingFace into a Gallery-ready
           out/package/PowershAI.HuggingFace.<version>.nupkg (build/New-ModulePackage.ps1).
    demo   build, then start simple-app.py on a genuine Gradio when one is available (else
           the project's fake server) and run demo/walkthrough.ps1 against it.

.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 test
#>
[CmdletBinding()]
param(
    [ValidateSet('build', 'test', 'demo', 'package')]
    [string] $Task = 'build',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release'
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
# Native tools report failure through $LASTEXITCODE; each call below checks it itself.
$PSNativeCommandUseErrorActionPreference = $false
if ($env:CI) { $PSStyle.OutputRendering = 'PlainText' }   # no ANSI noise in CI logs

$RepoRoot = $PSScriptRoot
$ModuleName = 'PowershAI.HuggingFace'
$OutDir = Join-Path $RepoRoot 'out'
$ModuleOut = Join-Path $OutDir $ModuleName
$PublishDir = Join-Path $OutDir 'publish'
$ResultsDir = Join-Path $OutDir 'test-results'
$CmdletProject = Join-Path $RepoRoot "src/$ModuleName"
$FakeGradioProject = Join-Path $RepoRoot 'tests/FakeGradio'
$XunitProject = Join-Path $RepoRoot "tests/$ModuleName.Core.Tests"
$PesterVersion = '5.7.1'
# Upper bounds for whole test runs, so a hung test ends CI instead of eating its budget.
$PesterTimeoutSec = 1500   # about 7 min on a quiet 2-core machine; a loaded one takes twice that
$XunitHangTimeout = '5m'   # dotnet test --blame-hang-timeout: one test that hangs this long

# Dependencies that ship beside the module DLLs. An explicit list, not "whatever publish
# produced": a new transitive DLL must be a decision, and a missing one fails the build
# here rather than at import time on a user's machine.
$DependencyAllowList = @(
    'System.Text.Json'
    'System.Net.ServerSentEvents'
    'System.Threading.Channels'
    'Microsoft.Bcl.AsyncInterfaces'
    'System.Memory'
    'System.Buffers'
    'System.Runtime.CompilerServices.Unsafe'
    'System.Text.Encodings.Web'
    'System.Threading.Tasks.Extensions'
    'System.Numerics.Vectors'
)
# Never shipped: PowerShell itself provides these at run time.
$NeverShip = @('System.Management.Automation')

# Server helpers shared with the Pester tests (free ports, run.sh, the fake server).
Import-Module (Join-Path $RepoRoot 'tests/pester/RealGradio.psm1') -Force

#region helpers

function Write-Step([string] $Message) {
    Write-Host "==> [$(Get-Date -Format HH:mm:ss)] $Message" -ForegroundColor Cyan
}

function Invoke-Dotnet {
    # Runs dotnet and throws on a non-zero exit code, so a failed compile stops the task.
    # No param block on purpose: $args passes dotnet's own switches (-c, -o) through as-is.
    Write-Host "> dotnet $($args -join ' ')" -ForegroundColor DarkGray
    & dotnet @args | Out-Host   # to the host, never into a function's return value
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args[0]) failed (exit code $LASTEXITCODE)" }
}

function Get-ModuleVersion {
    # Directory.Build.props is the one place the version lives.
    $props = [xml](Get-Content -Raw (Join-Path $RepoRoot 'Directory.Build.props'))
    $version = @($props.Project.PropertyGroup | ForEach-Object { $_['Version'] } | Where-Object { $_ })[0].InnerText.Trim()
    $parsed = $null
    if (-not [version]::TryParse($version, [ref] $parsed)) {
        throw "Directory.Build.props <Version> '$version' is not a plain N.N.N version, which a module manifest requires."
    }
    return $version
}

function Get-BuildFingerprint {
    # A hash over the name, size and time of every input of the module build. When it
    # matches the one saved by the last build, nothing needs to run: dotnet's own up-to-date
    # check still costs several seconds of MSBuild start-up.
    $inputs = @(
        Get-ChildItem -Recurse -File (Join-Path $RepoRoot 'src') |
            Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
        Get-Item (Join-Path $RepoRoot 'Directory.Build.props'), (Join-Path $RepoRoot 'Directory.Packages.props'),
                 (Join-Path $RepoRoot "$ModuleName.psd1"), $PSCommandPath
    ) | Sort-Object FullName
    $text = ($inputs | ForEach-Object { '{0}|{1}|{2}' -f $_.FullName, $_.Length, $_.LastWriteTimeUtc.Ticks }) -join "`n"
    $text += "`n$Configuration"
    $bytes = [Text.Encoding]::UTF8.GetBytes($text)
    return [Convert]::ToHexString([Security.Cryptography.SHA256]::HashData($bytes))
}

function Get-PwshCommand {
    # The child uses the same PowerShell as this script. Under `dotnet pwsh` the process
    # is dotnet itself, so the child is `dotnet <PSHOME>/pwsh.dll`.
    $exe = [Environment]::ProcessPath
    if ((Split-Path -Leaf $exe) -match '^dotnet(\.exe)?$') { return @($exe, (Join-Path $PSHOME 'pwsh.dll')) }
    return @($exe)
}

function Invoke-ChildPwsh {
    # Binary modules cannot be unloaded, so anything that imports the built DLL runs in a
    # fresh process; this also keeps a test run from locking out/ for the next build.
    # The child writes straight to this console, and a hung child is killed after
    # $TimeoutSec so that CI always ends.
    param([string] $File, [string[]] $Arguments = @(), [int] $TimeoutSec = 900)
    $pwsh = @(Get-PwshCommand)
    $startInfo = [Diagnostics.ProcessStartInfo]::new($pwsh[0])
    $startInfo.UseShellExecute = $false
    foreach ($arg in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $File) + $Arguments) {
        $startInfo.ArgumentList.Add($arg)
    }
    $process = [Diagnostics.Process]::Start($startInfo)
    if (-not $process.WaitForExit($TimeoutSec * 1000)) {
        Write-Host "$(Split-Path -Leaf $File) did not finish within $TimeoutSec s; stopping it." -ForegroundColor Red
        $process.Kill($true)
        $process.WaitForExit()
        return 124
    }
    $process.WaitForExit()   # flushes the child's output before we go on
    return $process.ExitCode
}

function Get-RelativePath([string] $Path) { [IO.Path]::GetRelativePath($RepoRoot, $Path) }

#endregion

#region build

function Copy-ModuleLayout {
    # out/PowershAI.HuggingFace/ is exactly what Import-Module and a future package see.
    if (Test-Path $ModuleOut) { Remove-Item -Recurse -Force $ModuleOut }
    $null = New-Item -ItemType Directory $ModuleOut

    $version = Get-ModuleVersion
    $template = Get-Content -Raw (Join-Path $RepoRoot "$ModuleName.psd1")
    if ($template -notmatch '\{\{ModuleVersion\}\}') { throw "$ModuleName.psd1 has no {{ModuleVersion}} token to stamp." }
    Set-Content -NoNewline -Encoding utf8 -Path (Join-Path $ModuleOut "$ModuleName.psd1") -Value ($template -replace '\{\{ModuleVersion\}\}', $version)

    $missing = @()
    foreach ($name in @($ModuleName, "$ModuleName.Core") + $DependencyAllowList) {
        $dll = Join-Path $PublishDir "$name.dll"
        if (Test-Path $dll) { Copy-Item $dll $ModuleOut } else { $missing += "$name.dll" }
    }
    if ($missing) { throw "Publish output $(Get-RelativePath $PublishDir) lacks: $($missing -join ', '). Fix the project references or the allow-list in build.ps1." }

    # Tell about DLLs that publish produced but the allow-list leaves out, so a new
    # dependency is noticed here instead of as a FileNotFoundException at run time.
    $shipped = @($ModuleName, "$ModuleName.Core") + $DependencyAllowList + $NeverShip
    Get-ChildItem $PublishDir -Filter *.dll | Where-Object { $_.BaseName -notin $shipped } | ForEach-Object {
        Write-Warning "Not shipped (not on the allow-list in build.ps1): $($_.Name)"
    }

    # Format files, and any hand-written help, are copied when present; Build-Help.ps1 then
    # writes the MAML and about topics from docs/ into en-US/ (see Invoke-BuildTask).
    $helpDir = Join-Path $CmdletProject 'en-US'
    if (Test-Path $helpDir) { Copy-Item -Recurse $helpDir $ModuleOut }
    $formats = @(Get-ChildItem $CmdletProject -Filter *.ps1xml -File)
    foreach ($format in $formats) {
        Copy-Item $format.FullName $ModuleOut
        if ($template -notmatch [regex]::Escape($format.Name)) {
            Write-Warning "$($format.Name) is shipped but not listed in the manifest (FormatsToProcess/TypesToProcess)."
        }
    }

    foreach ($name in $NeverShip) {
        if (Test-Path (Join-Path $ModuleOut "$name.dll")) { throw "$name.dll must never ship in the module folder." }
    }
}

function Invoke-BuildTask {
    $stampFile = Join-Path $OutDir "$ModuleName.build-stamp"
    $fingerprint = Get-BuildFingerprint
    $manifest = Join-Path $ModuleOut "$ModuleName.psd1"
    if ((Test-Path $manifest) -and (Test-Path $stampFile) -and (Get-Content -Raw $stampFile).Trim() -eq $fingerprint) {
        Write-Step "build: up to date ($(Get-RelativePath $ModuleOut))"
        & (Join-Path $RepoRoot 'build/help/Build-Help.ps1') -ModuleDir $ModuleOut   # docs have their own up-to-date check
        return
    }
    Write-Step "build: publishing $(Get-RelativePath $CmdletProject) ($Configuration)"
    Remove-Item $stampFile -ErrorAction Ignore   # a build that fails half-way is never "up to date"
    if (Test-Path $PublishDir) { Remove-Item -Recurse -Force $PublishDir }   # no stale DLLs
    Invoke-Dotnet publish $CmdletProject -c $Configuration -f netstandard2.0 -o $PublishDir --nologo --verbosity minimal
    # Compiled, never shipped: an API that .NET Framework (Windows PowerShell 5.1) lacks fails here.
    Write-Step "build: compiling against the .NET Framework 4.6.2 reference assemblies"
    Invoke-Dotnet build $CmdletProject -c $Configuration -f net462 --nologo --verbosity minimal
    Copy-ModuleLayout
    # docs/cmdlets/*.md -> en-US/<dll>-Help.xml, docs/about/*.md -> about_*.help.txt; fails on doc drift.
    & (Join-Path $RepoRoot 'build/help/Build-Help.ps1') -ModuleDir $ModuleOut -Force
    Set-Content -Path $stampFile -Value $fingerprint
    Write-Step "build: module laid out in $(Get-RelativePath $ModuleOut) (version $(Get-ModuleVersion))"
}

#endregion

#region test

function New-RunnerResult([string] $Runner, [int] $Passed = 0, [int] $Failed = 0, [int] $Skipped = 0, [string] $Note = '') {
    [pscustomobject]@{ Runner = $Runner; Passed = $Passed; Failed = $Failed; Skipped = $Skipped; Note = $Note }
}

function Build-FakeGradio {
    # Built once here so the Pester tests can start the fake server's DLL directly,
    # which is much faster than `dotnet run` for every test file.
    Write-Step "test: building the fake Gradio server"
    Invoke-Dotnet build $FakeGradioProject -c $Configuration --nologo --verbosity minimal
    $path = Get-FakeGradioPath -Configuration $Configuration
    if (-not (Test-Path $path)) { throw "The fake Gradio server was built but $path does not exist." }
    return $path
}

function Invoke-XunitTests {
    Write-Step 'test: xunit'
    $dir = Join-Path $ResultsDir 'xunit'
    if (Test-Path $dir) { Remove-Item -Recurse -Force $dir }
    & dotnet test $XunitProject -c $Configuration --nologo --logger 'trx;LogFileName=xunit.trx' --logger 'console;verbosity=normal' --results-directory $dir --blame-hang-timeout $XunitHangTimeout | Out-Host
    $exitCode = $LASTEXITCODE
    $trx = Join-Path $dir 'xunit.trx'
    if (-not (Test-Path $trx)) {
        # No results file means the project did not build or the host crashed: a failure
        # that counts, even though no individual test was seen to fail.
        return New-RunnerResult xunit -Failed 1 -Note "dotnet test exited $exitCode and wrote no results (build error?)"
    }
    # Count the outcome of each test result: TRX's <Counters> leaves xunit's skipped tests
    # out of every field, and they must show up as skipped, never as passed.
    $outcomes = @(([xml](Get-Content -Raw $trx)).TestRun.Results.ChildNodes |
        Where-Object LocalName -eq 'UnitTestResult' | ForEach-Object { $_.GetAttribute('outcome') })
    $passed = @($outcomes | Where-Object { $_ -eq 'Passed' }).Count
    $failed = @($outcomes | Where-Object { $_ -in 'Failed', 'Error', 'Timeout', 'Aborted' }).Count
    $result = New-RunnerResult xunit -Passed $passed -Failed $failed -Skipped ($outcomes.Count - $passed - $failed)
    if ($exitCode -ne 0 -and $failed -eq 0) { $result.Failed = 1; $result.Note = "dotnet test exited $exitCode" }
    return $result
}

function Install-RealGradio([string] $Versions = 'all') {
    # Idempotent: about 3.5 s per version when the install is already up to date.
    $root = Get-RealGradioRoot
    if (-not $root) { return $false }
    Write-Step "genuine Gradio: $root/setup.sh (REAL_GRADIO_LITE_VERSION=$Versions)"
    $env:REAL_GRADIO_LITE_VERSION = $Versions
    try { & bash (Join-Path $root 'setup.sh') | Out-Host } finally { Remove-Item Env:REAL_GRADIO_LITE_VERSION }
    if ($LASTEXITCODE -ne 0) { throw "real-gradio setup.sh failed (exit code $LASTEXITCODE)" }
    return $true
}

function Get-PesterManifest {
    # Pester comes from NuGet like everything else: build/tools.proj downloads it and
    # MSBuild says where the package folder is (NUGET_PACKAGES, ~/.nuget/packages, ...).
    $toolsProj = Join-Path $RepoRoot 'build/tools.proj'
    Invoke-Dotnet restore $toolsProj --nologo --verbosity quiet
    $root = (& dotnet msbuild $toolsProj -nologo '-getProperty:NuGetPackageRoot').Trim()
    if ($LASTEXITCODE -ne 0 -or -not $root) { throw 'Could not ask MSBuild for the NuGet package folder.' }
    $manifest = Join-Path $root "pester/$PesterVersion/tools/Pester.psd1"
    if (-not (Test-Path $manifest)) { throw "Pester $PesterVersion restored, but $manifest does not exist." }
    return $manifest
}

function Invoke-PesterTests([string] $PesterManifest) {
    Write-Step 'test: Pester (child pwsh, built module)'
    $dir = Join-Path $ResultsDir 'pester'
    if (Test-Path $dir) { Remove-Item -Recurse -Force $dir }
    $null = New-Item -ItemType Directory $dir
    $summaryFile = Join-Path $dir 'summary.json'
    $exitCode = Invoke-ChildPwsh -TimeoutSec $PesterTimeoutSec -File (Join-Path $RepoRoot 'build/run-pester.ps1') -Arguments @(
        '-PesterManifest', $PesterManifest
        '-ModuleManifest', (Join-Path $ModuleOut "$ModuleName.psd1")
        '-TestPath', (Join-Path $RepoRoot 'tests/pester')
        '-ResultDir', $dir
    )
    if (-not (Test-Path $summaryFile)) {
        $why = if ($exitCode -eq 124) { "timed out after $PesterTimeoutSec s" } else { "exited $exitCode" }
        return New-RunnerResult pester -Failed 1 -Note "the Pester child $why without a summary"
    }
    $s = Get-Content -Raw $summaryFile | ConvertFrom-Json
    return New-RunnerResult pester -Passed $s.Passed -Failed $s.Failed -Skipped $s.Skipped -Note $s.Note
}

function Write-TestSummary([object[]] $Results) {
    # One line per runner, then the total as the very last line (CI reads that line).
    $passed = ($Results | Measure-Object Passed -Sum).Sum
    $failed = ($Results | Measure-Object Failed -Sum).Sum
    $skipped = ($Results | Measure-Object Skipped -Sum).Sum
    Write-Host ''
    if ($passed + $failed -eq 0) { Write-Host 'No test ran, which counts as a failure.' }
    foreach ($r in $Results) {
        $note = ''
        if ($r.Note) {
            # Notes carry exception text: keep each runner on one short line.
            $flat = $r.Note -replace '\s+', ' '
            if ($flat.Length -gt 200) { $flat = $flat.Substring(0, 200) + '...' }
            $note = "  ($flat)"
        }
        Write-Host ('{0}: {1} passed, {2} failed, {3} skipped{4}' -f $r.Runner, $r.Passed, $r.Failed, $r.Skipped, $note)
    }
    Write-Host "total: $passed passed, $failed failed, $skipped skipped"
    if ($failed -gt 0 -or $passed + $failed -eq 0) { return 1 }
    return 0
}

function Invoke-TestTask {
    Invoke-BuildTask
    $results = [Collections.Generic.List[object]]::new()

    # Each stage records its failure and the next one still runs, so a single run shows
    # everything that is broken.
    try {
        $env:POWERSHAI_FAKEGRADIO_PATH = Build-FakeGradio
    } catch {
        Write-Warning "The fake Gradio server did not build: $_"
        $results.Add((New-RunnerResult 'fake-server-build' -Failed 1 -Note "$_"))
    }

    $results.Add((Invoke-XunitTests))

    try {
        if (-not (Install-RealGradio 'all')) {
            Write-Host "genuine Gradio: not installed, its Pester tests will skip: $(Get-RealGradioSkipReason)."
        }
    } catch {
        Write-Warning "$_"
        $results.Add((New-RunnerResult 'real-gradio-setup' -Failed 1 -Note "$_"))
    }

    try {
        $results.Add((Invoke-PesterTests (Get-PesterManifest)))
    } catch {
        Write-Warning "Pester could not run: $_"
        $results.Add((New-RunnerResult pester -Failed 1 -Note "$_"))
    }
    Write-Host ("(test stages took {0:N1} s)" -f $script:Started.Elapsed.TotalSeconds)
    return Write-TestSummary $results
}

#endregion

#region demo

function Start-DemoServer {
    # Prefer a genuine Gradio (what users run); fall back to the project's fake server so
    # the demo still works on a machine with only the .NET SDK.
    $app = Join-Path (Split-Path $RepoRoot -Parent) 'shared/real-gradio/apps/simple-app.py'
    if ($env:GRADIO_PYTHON -and (Test-Path $app)) {
        & $env:GRADIO_PYTHON -c 'import gradio' 2>$null
        if ($LASTEXITCODE -eq 0) {
            $server = Start-GradioPython -Python $env:GRADIO_PYTHON -App $app
            Write-Step "demo: genuine Gradio $($server.Version) from GRADIO_PYTHON=$env:GRADIO_PYTHON at $($server.Url)"
            return $server
        }
        Write-Warning "GRADIO_PYTHON=$env:GRADIO_PYTHON cannot import gradio; trying the next option."
    }
    if (Get-RealGradioRoot) {
        try {
            $null = Install-RealGradio '5.14.0'
            $server = Start-RealGradio -App simple-app.py -Version 5.14.0
            Write-Step "demo: genuine Gradio $($server.Version) from ../shared/real-gradio/run.sh at $($server.Url)"
            return $server
        } catch {
            Write-Warning "The genuine Gradio did not start ($_); using the project's fake server."
        }
    }
    Write-Step 'demo: no genuine Gradio here; starting the project''s fake Gradio server (dotnet run)'
    $server = Start-FakeGradio -Profile v5 -App simple -UseDotnetRun
    Write-Step "demo: fake Gradio server (profile $($server.Version)) at $($server.Url)"
    return $server
}

function Invoke-DemoTask {
    Invoke-BuildTask
    $server = Start-DemoServer
    try {
        $exitCode = Invoke-ChildPwsh -TimeoutSec 300 -File (Join-Path $RepoRoot 'demo/walkthrough.ps1') -Arguments @(
            '-Url', $server.Url
            '-ModulePath', (Join-Path $ModuleOut "$ModuleName.psd1")
        )
        if ($exitCode -ne 0) { Write-Host "demo: the walkthrough failed (exit code $exitCode)." -ForegroundColor Red }
        return $exitCode
    } finally {
        Write-Step "demo: stopping the server (pid $($server.Pid))"
        Stop-RealGradio $server
    }
}

#endregion

$script:Started = [Diagnostics.Stopwatch]::StartNew()
$exitCode = 0
try {
    switch ($Task) {
        'build' { Invoke-BuildTask }
        'test' { $exitCode = Invoke-TestTask }
        'demo' { $exitCode = Invoke-DemoTask }
        'package' {
            Invoke-BuildTask
            $package = & (Join-Path $RepoRoot 'build/New-ModulePackage.ps1') -ModulePath $ModuleOut -OutputDirectory (Join-Path $OutDir 'package')
            Write-Step "package: $(Get-RelativePath $package.FullName)"
        }
    }
} catch {
    Write-Host "build.ps1 $Task failed: $_" -ForegroundColor Red
    Write-Host $_.ScriptStackTrace -ForegroundColor DarkGray
    $exitCode = 1
}
# The test task prints its time before its summary: "total: ..." must stay the last line.
if ($Task -ne 'test') { Write-Step ("$Task finished in {0:N1} s (exit code $exitCode)" -f $script:Started.Elapsed.TotalSeconds) }
exit $exitCode
