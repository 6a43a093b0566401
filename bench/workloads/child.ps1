# Helpers the workload files of this folder share (dot-sourced by them): a bounded child process
# whose last output line is JSON, and the median. Benchmarks only: nothing here asserts.

function Get-BenchMedian([double[]] $Values) {
    $sorted = @($Values | Where-Object { -not [double]::IsNaN($_) } | Sort-Object)
    if ($sorted.Count -eq 0) { return [double]::NaN }
    if ($sorted.Count % 2) { return $sorted[($sorted.Count - 1) / 2] }
    ($sorted[$sorted.Count / 2 - 1] + $sorted[$sorted.Count / 2]) / 2
}

# Runs FilePath with Arguments (a pwsh child when FilePath is 'pwsh': the script text goes to a
# temporary file), kills its tree after BudgetSec, and returns the JSON its last stdout line holds.
function Invoke-BenchChild {
    param([Parameter(Mandatory)] [string] $FilePath, [object[]] $Arguments = @(), [string] $Script, [int] $BudgetSec = 300,
          [hashtable] $Environment = @{}, [string] $WorkingDirectory = (Get-Location).Path)
    $file = $null
    $info = [Diagnostics.ProcessStartInfo]::new($FilePath)
    if ($FilePath -eq 'pwsh') {
        $file = Join-Path ([IO.Path]::GetTempPath()) "bench-child-$PID-$([guid]::NewGuid().ToString('n')).ps1"
        Set-Content -Path $file -Value $Script
        $info.FileName = 'dotnet'
        foreach ($a in 'pwsh', '-NoProfile', '-NonInteractive', '-File', $file) { $info.ArgumentList.Add($a) }
    }
    foreach ($a in $Arguments) { $info.ArgumentList.Add("$a") }
    foreach ($k in $Environment.Keys) { $info.Environment[$k] = "$($Environment[$k])" }
    $info.WorkingDirectory = $WorkingDirectory
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    try {
        $process = [Diagnostics.Process]::Start($info)
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit($BudgetSec * 1000)) { $process.Kill($true); throw "$FilePath ran over $BudgetSec s" }
        $process.WaitForExit()
        $last = @($stdout.Result -split "`r?`n" | Where-Object { $_.Trim() }) | Select-Object -Last 1
        if ($process.ExitCode -ne 0 -or -not $last) { throw "$FilePath failed ($($process.ExitCode)): $($stderr.Result.Trim() -split "`n" | Select-Object -Last 5)" }
        $last | ConvertFrom-Json
    } finally {
        if ($file) { Remove-Item $file -ErrorAction SilentlyContinue }
    }
}

# One result row of the contract compare.ps1 reads.
function New-BenchResult([string] $Workload, [string] $Client, [string] $Metric, [double[]] $Values, $PeakMB) {
    [pscustomobject]@{
        Workload = $Workload; Client = $Client; Metric = $Metric
        Median = [math]::Round((Get-BenchMedian $Values), 1)
        PeakMB = if ($null -ne $PeakMB) { [math]::Round([double]$PeakMB, 0) } else { $null }
        Rounds = @($Values).Count
    }
}
