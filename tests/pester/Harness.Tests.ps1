# Checks the test harness itself: the genuine Gradio servers start on both versions and
# answer as that version, and the built module imports and exports exactly what the
# manifest lists. Run through `dotnet pwsh ./build.ps1 test`.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    $script:HaveRealGradio = [bool](Get-RealGradioRoot)
    if (-not $HaveRealGradio) {
        Write-Host 'Genuine Gradio tests skip: ../shared/real-gradio is absent beside the repository.'
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    $script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:ModuleManifest = if ($env:POWERSHAI_HF_MODULE) { $env:POWERSHAI_HF_MODULE }
                             else { Join-Path $RepoRoot 'out/PowershAI.HuggingFace/PowershAI.HuggingFace.psd1' }
}

Describe 'Genuine Gradio <_> harness' -ForEach @('5.14.0', '4.37.2') -Skip:(-not $HaveRealGradio) {
    BeforeAll {
        $script:Version = $_
        $script:Server = Start-RealGradio -App simple-app.py -Version $Version
    }
    AfterAll {
        Stop-RealGradio $Server
    }

    It 'answers /config as Gradio <_> on 127.0.0.1' {
        $Server.Url | Should -Match '^http://127\.0\.0\.1:\d+/$'
        $config = Invoke-RestMethod "$($Server.Url)config" -TimeoutSec 10
        $config.version | Should -Be $Version
        $Server.Version | Should -Be $Version
    }

    It 'serves simple-app''s Op1 endpoint' {
        $config = Invoke-RestMethod "$($Server.Url)config" -TimeoutSec 10
        $config.dependencies.api_name | Should -Contain 'Op1'
    }

    It 'is gone after Stop-RealGradio' {
        $other = Start-RealGradio -App simple-app.py -Version $Version
        Stop-RealGradio $other
        { Invoke-WebRequest "$($other.Url)config" -TimeoutSec 2 } | Should -Throw
    }
}

Describe 'Built module' {
    BeforeAll {
        $script:Manifest = Import-PowerShellDataFile $ModuleManifest
        $script:ModuleDir = Split-Path $ModuleManifest -Parent
    }

    It 'has the version from Directory.Build.props' {
        $props = [xml](Get-Content -Raw (Join-Path $RepoRoot 'Directory.Build.props'))
        $version = @($props.Project.PropertyGroup | ForEach-Object { $_['Version'] } | Where-Object { $_ })[0].InnerText.Trim()
        $Manifest.ModuleVersion | Should -Be $version
    }

    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest $ModuleManifest -ErrorAction Stop } | Should -Not -Throw
    }

    It 'does not ship System.Management.Automation.dll' {
        Join-Path $ModuleDir 'System.Management.Automation.dll' | Should -Not -Exist
    }

    It 'imports' {
        { Import-Module $ModuleManifest -ErrorAction Stop } | Should -Not -Throw
    }

    It 'exports exactly the cmdlets in CmdletsToExport' {
        Import-Module $ModuleManifest -ErrorAction Stop
        $expected = @($Manifest.CmdletsToExport | Sort-Object)
        $actual = @(Get-Command -Module PowershAI.HuggingFace -CommandType Cmdlet | ForEach-Object Name | Sort-Object)
        $missing = @($expected | Where-Object { $_ -notin $actual })
        $extra = @($actual | Where-Object { $_ -notin $expected })
        # One readable message instead of an element-by-element array diff.
        "missing: [$($missing -join ', ')]; not in the manifest: [$($extra -join ', ')]" |
            Should -Be 'missing: []; not in the manifest: []'
    }

    It 'exports exactly the aliases in AliasesToExport' {
        Import-Module $ModuleManifest -ErrorAction Stop
        $expected = @($Manifest.AliasesToExport | Sort-Object)
        $actual = @(Get-Command -Module PowershAI.HuggingFace -CommandType Alias | ForEach-Object Name | Sort-Object)
        "aliases: [$($actual -join ', ')]" | Should -Be "aliases: [$($expected -join ', ')]"
    }
}
