# Checks the test harness itself: the genuine Gradio servers start on both versions and
# answer as that version, and the built module imports and exports exactly what the
# manifest lists. Run through `dotnet pwsh ./build.ps1 test`.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    $script:HaveRealGradio = Test-RealGradioAvailable
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    $script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:ModuleManifest = Get-TestModuleManifest
    # 5.45.0's /config has a property named "" that only a hashtable can hold, so
    # Invoke-RestMethod hands it back as a string.
    function script:Get-RealGradioConfig($Server) {
        (Invoke-WebRequest "$($Server.Url)config" -TimeoutSec 10).Content | ConvertFrom-Json -AsHashtable
    }
}

Describe 'Genuine Gradio <_> harness' -ForEach @('5.14.0', '4.37.2', '5.45.0') -Skip:(-not $HaveRealGradio) {
    BeforeAll {
        $script:Version = $_
        $script:Server = Start-RealGradio -App simple-app.py -Version $Version
    }
    AfterAll {
        Stop-RealGradio $Server
    }

    It 'answers /config with its own version, on 127.0.0.1' {
        $Server.Url | Should -Match '^http://127\.0\.0\.1:\d+/$'
        $config = Get-RealGradioConfig $Server
        $config.version | Should -Be $Version
        $Server.Version | Should -Be $Version
    }

    It 'serves simple-app''s Op1 endpoint' {
        $config = Get-RealGradioConfig $Server
        $config.dependencies.api_name | Should -Contain 'Op1'
    }

    # Last in this block on purpose: it stops the server the tests above used (AfterAll's
    # second stop is a no-op), which saves starting one more server per version.
    It 'is gone after Stop-RealGradio' {
        Stop-RealGradio $Server
        { Invoke-WebRequest "$($Server.Url)config" -TimeoutSec 2 } | Should -Throw
        Get-Process -Id $Server.Pid -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe 'Built module' {
    BeforeAll {
        $script:Manifest = Import-PowerShellDataFile $ModuleManifest
        $script:ModuleDir = Split-Path $ModuleManifest -Parent
        $script:Pwsh = Get-TestPwsh
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
        $expected = @($Manifest.CmdletsToExport)
        $actual = @(Get-Command -Module PowershAI.HuggingFace -CommandType Cmdlet | ForEach-Object Name)
        $missing = @($expected | Where-Object { $_ -notin $actual })
        $extra = @($actual | Where-Object { $_ -notin $expected })
        $missing | Should -BeNullOrEmpty -Because 'the manifest lists these cmdlets but the module does not export them'
        $extra | Should -BeNullOrEmpty -Because 'the module defines these cmdlets but the manifest does not list them'
    }

    It 'exports exactly the aliases in AliasesToExport' {
        Import-Module $ModuleManifest -ErrorAction Stop
        $expected = @($Manifest.AliasesToExport)
        $actual = @(Get-Command -Module PowershAI.HuggingFace -CommandType Alias | ForEach-Object Name)
        @($expected | Where-Object { $_ -notin $actual }) |
            Should -BeNullOrEmpty -Because 'the manifest lists these aliases but the module does not export them'
        @($actual | Where-Object { $_ -notin $expected }) |
            Should -BeNullOrEmpty -Because 'the module defines these aliases but the manifest does not list them'
    }

    It 'loads its views with its first command rather than at import, in each runspace' {
        # A fresh process: this one has run the module's commands already.
        $type = 'PowershAI.HuggingFace.Objects.GradioSession'
        $script = "Import-Module '$($ModuleManifest.Replace("'", "''"))'; @(Get-FormatData $type).Count; `$null = Get-GradioSession; @(Get-FormatData $type).Count; " +
            "1 | ForEach-Object -Parallel { Import-Module '$($ModuleManifest.Replace("'", "''"))'; `$null = Get-GradioSession; @(Get-FormatData $type).Count }"
        $out = & $Pwsh[0] @($Pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $script 2>&1
        $LASTEXITCODE | Should -Be 0 -Because ($out -join "`n")
        $out | Should -Be @('0', '1', '1')
    }

    # pwsh keeps its JIT profiles in $XDG_CACHE_HOME/powershell on Linux and macOS; on Windows in a
    # known folder that no variable moves.
    It 'records what runs after its import in a JIT profile of its own, beside pwsh''s, unless told not to' -Skip:$IsWindows {
        $cache = Join-Path ([IO.Path]::GetTempPath()) "phf-jit-$([guid]::NewGuid().ToString('n'))"
        $saved = $env:XDG_CACHE_HOME, $env:POWERSHAI_HF_DISABLE_JIT_PROFILE
        $ours = Join-Path $cache 'powershell/PowershAI.HuggingFace-ProfileData'
        $pwshs = Join-Path $cache 'powershell/StartupProfileData-NonInteractive'
        $script = "Import-Module '$($ModuleManifest.Replace("'", "''"))'; `$null = Get-GradioSession"
        try {
            $env:XDG_CACHE_HOME = $cache
            $env:POWERSHAI_HF_DISABLE_JIT_PROFILE = $null
            $out = & $Pwsh[0] @($Pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $script 2>&1
            $LASTEXITCODE | Should -Be 0 -Because ($out -join "`n")
            $ours | Should -Exist
            $pwshs | Should -Exist
            # The methods it holds are this module's (its assemblies are named in it) among others.
            [Text.Encoding]::Latin1.GetString([IO.File]::ReadAllBytes($ours)) | Should -Match 'PowershAI\.HuggingFace\.Core'

            Remove-Item -Recurse -Force $cache
            $env:POWERSHAI_HF_DISABLE_JIT_PROFILE = 'Yes'
            $out = & $Pwsh[0] @($Pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $script 2>&1
            $LASTEXITCODE | Should -Be 0 -Because ($out -join "`n")
            $ours | Should -Not -Exist
            $pwshs | Should -Exist
        } finally {
            $env:XDG_CACHE_HOME, $env:POWERSHAI_HF_DISABLE_JIT_PROFILE = $saved
            Remove-Item -Recurse -Force $cache -ErrorAction SilentlyContinue
        }
    }

    It 'loads them without importing Microsoft.PowerShell.Utility, whose cmdlets make the updates' {
        $script = "Import-Module '$($ModuleManifest.Replace("'", "''"))'; `$null = Get-GradioSession; @(Get-Module Microsoft.PowerShell.Utility).Count; " +
            "@(Get-FormatData PowershAI.HuggingFace.Objects.GradioSession).Count; (Get-TypeData PowershAI.HuggingFace.Objects.HubItem).TypeAdapter.Name"
        $out = & $Pwsh[0] @($Pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $script 2>&1
        $LASTEXITCODE | Should -Be 0 -Because ($out -join "`n")
        $out | Should -Be @('0', '1', 'HubItemAdapter')
    }
}
