# The Gallery package: packed from the built module, installed with Install-PSResource from a
# local file repository into a clean pwsh process (its own module folders), imported by name,
# and used for the seed walkthrough.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    $manifest = Get-TestModuleManifest
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) "phf-package-$PID"
    $script:Package = & (Join-Path $PSScriptRoot '../../build/New-ModulePackage.ps1') -ModulePath (Split-Path $manifest -Parent) -OutputDirectory (Join-Path $Work 'repo')
    $script:Fake = Start-FakeGradio -Profile v5 -App simple
    $script:Pwsh = Get-TestPwsh
}

AfterAll {
    Stop-RealGradio $Fake
    Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue
}

Describe 'The packed module' {
    It 'is a nupkg with the manifest, both DLLs, the formats and no PowerShell assembly' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($Package.FullName)
        try { $entries = $zip.Entries.FullName } finally { $zip.Dispose() }
        $entries | Should -Contain 'PowershAI.HuggingFace.psd1'
        $entries | Should -Contain 'PowershAI.HuggingFace.dll'
        $entries | Should -Contain 'PowershAI.HuggingFace.Core.dll'
        $entries | Should -Contain 'PowershAI.HuggingFace.Format.ps1xml'
        $entries | Should -Not -Contain 'System.Management.Automation.dll'
    }

    It 'installs with Install-PSResource in a clean process, imports by name and runs the walkthrough' {
        $userData = Join-Path $Work 'user'
        $script = @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name PackTest -Uri '$(Split-Path $Package.FullName -Parent)' -Trusted
try {
    Install-PSResource PowershAI.HuggingFace -Repository PackTest -Scope CurrentUser -TrustRepository
} finally { Unregister-PSResourceRepository -Name PackTest }
Import-Module PowershAI.HuggingFace
`$module = Get-Module PowershAI.HuggingFace
`$events = @(Send-GradioApi -AppUrl '$($Fake.Url)' -ApiName Op1 -Params @(2) | Update-GradioApiResult)
[pscustomobject]@{ Path = `$module.ModuleBase; Data = @(`$events | ForEach-Object { `$_.data[0] }) -join ',' } | ConvertTo-Json -Compress
"@
        # A clean process whose home (its module and repository folders) is a temp folder, so
        # the install touches nothing of the machine's.
        $saved = @{ HOME = $env:HOME; XDG_DATA_HOME = $env:XDG_DATA_HOME; XDG_CONFIG_HOME = $env:XDG_CONFIG_HOME }
        $env:HOME = $userData; $env:XDG_DATA_HOME = Join-Path $userData '.local/share'; $env:XDG_CONFIG_HOME = Join-Path $userData '.config'
        try {
            $out = & $Pwsh[0] @($Pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $script 2>&1
        } finally {
            foreach ($kv in $saved.GetEnumerator()) {
                if ($null -eq $kv.Value) { Remove-Item "Env:$($kv.Key)" -ErrorAction SilentlyContinue } else { Set-Item "Env:$($kv.Key)" $kv.Value }
            }
        }
        $LASTEXITCODE | Should -Be 0 -Because ($out -join "`n")
        $result = ($out | Select-Object -Last 1) | ConvertFrom-Json
        $result.Path | Should -BeLike "$userData*"
        $result.Data | Should -Be 'Dur:2,1,2,Finished,Finished'
    }
}
