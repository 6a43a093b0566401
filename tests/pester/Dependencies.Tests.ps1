# Dependency conflicts: the module ships System.Text.Json 8 and System.Net.ServerSentEvents 9;
# tests/ConflictModule ships System.Text.Json 9 and System.Net.ServerSentEvents 10. In
# PowerShell 7 both bind to the copies that are part of the runtime, in either import order,
# which is why the module needs no load context of its own there (docs/design.md).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    $script:Manifest = Get-TestModuleManifest
    $script:ConflictDir = Join-Path ([IO.Path]::GetTempPath()) "phf-conflict-$PID"
    $project = Join-Path $PSScriptRoot '../ConflictModule'
    $build = & dotnet build $project -c Release -o $ConflictDir --nologo 2>&1
    if ($LASTEXITCODE -ne 0) { throw "ConflictModule did not build:`n$($build -join "`n")" }
    $script:Fake = Start-FakeGradio -Profile v5 -App simple
    $script:Pwsh = Get-TestPwsh   # the same PowerShell as this one

    function Invoke-InChild([string] $Script) {
        # A fresh process each time: assemblies cannot be unloaded, so each order needs its own.
        $out = & $Pwsh[0] @($Pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $Script 2>&1
        if ($LASTEXITCODE -ne 0) { throw "child pwsh failed ($LASTEXITCODE):`n$($out -join "`n")" }
        return ($out -join "`n") | ConvertFrom-Json
    }
}

AfterAll {
    Stop-RealGradio $Fake
    Remove-Item -Recurse -Force $ConflictDir -ErrorAction SilentlyContinue
}

Describe 'Next to a module with other versions of the same dependencies' {
    It 'both work when <First> is imported first' -ForEach @(
        @{ First = 'PowershAI.HuggingFace' }
        @{ First = 'ConflictModule' }
    ) {
        $imports = @("Import-Module '$Manifest'", "Import-Module '$(Join-Path $ConflictDir 'ConflictModule.dll')'")
        if ($First -eq 'ConflictModule') { [array]::Reverse($imports) }
        $result = Invoke-InChild @"
`$ErrorActionPreference = 'Stop'
$($imports -join "`n")
`$ours = (Send-GradioApi '$($Fake.Url)' Op1 @(1) | Update-GradioApiResult | Select-Object -Last 1).data[0]
`$theirs = Get-ConflictInfo
`$ourJson = [PowershAI.HuggingFace.Core.Gradio.GradioClient].Assembly.GetReferencedAssemblies() | Where-Object Name -eq 'System.Text.Json'
[pscustomobject]@{
    Ours = `$ours
    TheirsJson = `$theirs.Json; TheirsSse = `$theirs.Sse
    LoadedJson = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'System.Text.Json' }).Count
    LoadedSse = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'System.Net.ServerSentEvents' }).Count
    JsonFromRuntime = [System.Text.Json.JsonSerializer].Assembly.Location.StartsWith(`$PSHOME) -or [System.Text.Json.JsonSerializer].Assembly.Location.StartsWith([System.Runtime.InteropServices.RuntimeEnvironment]::GetRuntimeDirectory())
    OurReference = `$ourJson.Version.ToString()
} | ConvertTo-Json -Compress
"@
        $result.Ours | Should -Be 'Finished'
        $result.TheirsJson | Should -Be '{"ok":true}'
        $result.TheirsSse | Should -Be 'hello'
        $result.LoadedJson | Should -Be 1
        $result.LoadedSse | Should -Be 1
        $result.JsonFromRuntime | Should -BeTrue
        $result.OurReference | Should -Be '8.0.0.0'
    }
}
