# Start-up: Import-Module in a fresh process (ms, timed inside it: the first command), next to
# a manifest that loads nothing (PowerShell's own first-import cost, the floor on this machine)
# and to ThreadJob, the one-cmdlet binary module PowerShell ships, measured in the same run;
# importing @gradio/client in node and gradio_client in python; and this module's first
# generation of 300 functions in a fresh process (the fake's 'many' app). Each round is the
# median of a few fresh processes.

function Measure-StartupWorkload {
    param([hashtable] $Context)
    $perRound = if ($Context.Quick) { 1 } else { 3 }
    $empty = Join-Path ([IO.Path]::GetTempPath()) "powershai-bench-empty-$PID"
    $null = New-Item -ItemType Directory -Force $empty
    $emptyManifest = Join-Path $empty 'Empty.psd1'
    New-ModuleManifest -Path $emptyManifest -ModuleVersion 1.0
    $timer = '$sw = [Diagnostics.Stopwatch]::StartNew(); Import-Module ''{0}''; [Console]::WriteLine($sw.Elapsed.TotalMilliseconds)'
    function Get-ChildMs([string] $FilePath, [string[]] $ArgumentList, [hashtable] $Environment = @{}) {
        $run = Invoke-Bounded $FilePath $ArgumentList 300 $Environment -WorkingDirectory $Context.RepoRoot -MeasurePeak
        if ($run.ExitCode -ne 0) { throw "$FilePath failed ($($run.ExitCode)): $($run.Stderr)" }
        [pscustomobject]@{ Ms = [double](($run.Stdout -split "`n" | Where-Object { $_ -match '^[\d.]+\s*$' } | Select-Object -Last 1)); PeakMB = $run.PeakMB }
    }
    function Measure-Rounds([string] $Client, [string] $Metric, [scriptblock] $One) {
        Write-Host "  start-up: $Client, $Metric ..."
        try {
            $all = @(1..$Context.Rounds | ForEach-Object { @(1..$perRound | ForEach-Object { & $One }) })
            $medians = for ($r = 0; $r -lt $Context.Rounds; $r++) { Get-Median @($all[($r * $perRound)..(($r + 1) * $perRound - 1)].Ms) }
            New-BenchResult 'start-up' $Client $Metric $medians (($all.PeakMB | Measure-Object -Maximum).Maximum)
        } catch { New-BenchResult 'start-up' $Client $Metric @() -Note "$_" }
    }
    try {
        $pwsh = { param($Code) Get-ChildMs dotnet @((Get-PwshEntry), '-NoProfile', '-NonInteractive', '-Command', $Code) }
        Measure-Rounds module 'Import-Module, ms' { & $pwsh ($timer -f $Context.ModulePath.Replace("'", "''")) }
        Measure-Rounds module 'empty manifest (floor), ms' { & $pwsh ($timer -f $emptyManifest.Replace("'", "''")) }
        # A binary module PowerShell ships (one cmdlet, IL only like the tool's engine): what any
        # binary module's first import costs here, next to which this module's is read.
        Measure-Rounds pwsh 'Import-Module ThreadJob (binary, 1 cmdlet), ms' {
            & $pwsh ('$m = Join-Path $PSHOME Modules/Microsoft.PowerShell.ThreadJob/Microsoft.PowerShell.ThreadJob.psd1; ' + ($timer -replace "''\{0\}''", '$m'))
        }
        Measure-Rounds module 'Import-Module after the empty one, ms' {
            & $pwsh (('Import-Module ''{0}''; ' -f $emptyManifest.Replace("'", "''")) + ($timer -f $Context.ModulePath.Replace("'", "''")))
        }
        if ($Context.NodeClientDir) {
            $module = Join-Path $Context.NodeClientDir 'node_modules/@gradio/client/dist/index.js'
            Measure-Rounds js 'import the client, ms' {
                Get-ChildMs node @('--input-type=module', '-e', 'const t = performance.now(); await import(process.env.M); console.log(performance.now() - t);') @{ M = "file://$module" }
            }
        }
        if ($Context.PythonExe -and (Test-Path $Context.PythonExe)) {
            Measure-Rounds python 'import the client, ms' {
                Get-ChildMs $Context.PythonExe @('-c', 'import time; t = time.perf_counter(); import gradio_client; print((time.perf_counter() - t) * 1000)')
            }
        }
        if ($Context.FakeGradioPath) {
            $many = Start-FakeGradio -Profile v5 -App many
            try {
                $code = "Import-Module '$($Context.ModulePath.Replace("'", "''"))'; `$null = New-GradioSession '$($many.Url)' -Name many; " +
                    '$sw = [Diagnostics.Stopwatch]::StartNew(); $null = New-GradioSessionApiProxyFunction -Session many; [Console]::WriteLine($sw.Elapsed.TotalMilliseconds)'
                Measure-Rounds module 'first generation of 300 functions, ms' { & $pwsh $code }
            } finally { Stop-RealGradio $many }
        }
    } finally {
        Remove-Item -Recurse -Force $empty -ErrorAction SilentlyContinue
    }
}
