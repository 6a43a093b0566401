# The benchmark scripts still run: bench/compare.ps1 -Quick (tiny sizes, one round) over every
# workload, without the official JS client (an npm install) or genuine Gradio. Only that each
# workload gives the module's rows a number is checked; no timing is read.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    $script:Repo = Split-Path (Split-Path $PSScriptRoot -Parent) -Parent
    $script:Json = Join-Path ([IO.Path]::GetTempPath()) "phf-bench-smoke-$PID.json"
    # From the repository, where `dotnet pwsh` finds its tool manifest.
    Push-Location $Repo
    try {
        $script:Output = & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $Repo 'bench/compare.ps1') -Quick -SkipJs -SkipRealGradio `
            -ModulePath (Get-TestModuleManifest) -JsonPath $Json 2>&1 | Out-String
        $script:ExitCode = $LASTEXITCODE
    } finally { Pop-Location }
    $script:Result = if (Test-Path $Json) { Get-Content -LiteralPath $Json -Raw | ConvertFrom-Json } else { $null }
}

AfterAll {
    Remove-Item -LiteralPath $Json -ErrorAction SilentlyContinue
}

Describe 'bench/compare.ps1 -Quick' {
    It 'ends well and notes no failed workload' {
        $ExitCode | Should -Be 0 -Because $Output
        $Result | Should -Not -BeNullOrEmpty -Because $Output
        @($Result.notes | Where-Object { $_ -match 'failed' }) | Should -BeNullOrEmpty
    }

    It 'gives the module a number on <Name>' -ForEach @(
        @{ Name = 'short calls'; Pattern = 'short call*' }
        @{ Name = 'batches'; Pattern = '* calls, * in flight*' }
        @{ Name = 'uploads'; Pattern = 'upload *' }
        @{ Name = 'downloads'; Pattern = 'download*' }
        @{ Name = 'Hub listings'; Pattern = 'hub-listing' }
        @{ Name = 'start-up'; Pattern = 'start-up' }
        @{ Name = 'streams'; Pattern = 'stream' }
    ) {
        $rows = @($Result.rows | Where-Object { $_.Workload -like $Pattern -and $_.Client -like 'module*' })
        $rows | Should -Not -BeNullOrEmpty -Because $Output
        foreach ($row in $rows) {
            "$($row.Metric): $($row.Note)" | Should -Be "$($row.Metric): " -Because 'a note on a module row says why it has no number'
            [double]$row.Median | Should -BeGreaterThan 0 -Because "$($row.Workload), $($row.Metric)"
        }
    }
}
