# Get-Help works for every exported cmdlet and alias of the built module: a synopsis, a
# description, a description for every parameter, examples, -Examples and -Parameter, and the
# about topic. The help comes from docs/cmdlets/*.md through build/help/Build-Help.ps1.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    $module = Import-Module (Get-TestModuleManifest) -PassThru -Force
    # Every command and alias the module exports (the manifest lists them explicitly).
    $script:HelpTargets = @(
        foreach ($c in $module.ExportedCommands.Values | Sort-Object Name) {
            $target = if ($c.CommandType -eq 'Alias') { $c.ResolvedCommandName } else { $c.Name }
            @{ Name = $c.Name; Command = $target; Kind = "$($c.CommandType)".ToLowerInvariant() }
        }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    $script:Manifest = Get-TestModuleManifest
    Import-Module $Manifest -Force
    $script:Common = [System.Management.Automation.Cmdlet]::CommonParameters

    function Get-Text($Value) {
        # Help text nodes come as objects with a Text property, or arrays of them.
        (@($Value) | ForEach-Object { if ($_ -is [string]) { $_ } elseif ($_.PSObject.Properties['Text']) { $_.Text } else { "$_" } }) -join "`n"
    }
}

Describe 'Get-Help <Name> (<Kind>)' -ForEach $HelpTargets {
    BeforeAll {
        $script:Help = Get-Help $Name -Full
        $script:Cmd = Get-Command $Command
        $script:Parameters = @($Cmd.Parameters.Keys | Where-Object { $_ -notin $Common })
    }

    It 'comes from the module''s MAML, for the command itself' {
        $Help.Name | Should -Be $Command
        $Help.ModuleName | Should -Be 'PowershAI.HuggingFace'
    }

    It 'has a synopsis that is not the generated syntax line' {
        $Help.Synopsis | Should -Not -BeNullOrEmpty
        # Without help, PowerShell puts the syntax line there: "Name [-Param] <type> ... [<CommonParameters>]".
        $Help.Synopsis | Should -Not -Match "^\s*$([regex]::Escape($Command))\s+\["
        $Help.Synopsis | Should -Not -Match '\[<CommonParameters>\]'
    }

    It 'has a description' {
        (Get-Text $Help.description).Trim() | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter (common parameters excepted)' {
        $described = @{}
        foreach ($p in @($Help.parameters.parameter)) { $described[$p.name] = (Get-Text $p.description).Trim() }
        $missing = @($Parameters | Where-Object { -not $described[$_] })
        $missing | Should -BeNullOrEmpty -Because 'every parameter needs a description in docs/cmdlets'
    }

    It 'lists every parameter set in its syntax' {
        @($Help.syntax.syntaxItem).Count | Should -Be @($Cmd.ParameterSets).Count
    }

    It 'has at least two examples, each with code and remarks' {
        $examples = @($Help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($e in $examples) {
            $e.code | Should -Not -BeNullOrEmpty
            (Get-Text $e.remarks).Trim() | Should -Not -BeNullOrEmpty
        }
    }

    It 'shows its examples with -Examples' {
        $text = Get-Help $Name -Examples | Out-String -Width 200
        $first = (@($Help.examples.example)[0].code -split "`n")[0].Trim()
        $text | Should -BeLike "*$first*"
    }

    It 'answers -Parameter for each parameter with its description and type' {
        foreach ($p in $Parameters) {
            $one = Get-Help $Name -Parameter $p
            $one.name | Should -Be $p
            (Get-Text $one.description).Trim() | Should -Not -BeNullOrEmpty -Because "-$p needs a description"
            $type = [Nullable]::GetUnderlyingType($Cmd.Parameters[$p].ParameterType) ?? $Cmd.Parameters[$p].ParameterType
            $one.type.name | Should -Be $type.FullName
        }
    }

    It 'states inputs and outputs' {
        (Get-Text $Help.inputTypes.inputType.type.name) | Should -Not -BeNullOrEmpty
        (Get-Text $Help.returnValues.returnValue.type.name) | Should -Not -BeNullOrEmpty
    }
}

Describe 'about_PowershAI_HuggingFace' {
    It 'is found by Get-Help and covers the topics the module promises' {
        $text = Get-Help about_PowershAI_HuggingFace | Out-String
        $text | Should -BeLike '*about_PowershAI_HuggingFace*'
        foreach ($needle in 'THE THREE LAYERS', 'SESSIONS', 'GENERATED FUNCTIONS', 'TOKENS', 'ENVIRONMENT VARIABLES',
                            'GRADIO VERSIONS AND PROTOCOLS', 'ERRORS', 'SECURITY RULES', 'GradioAppError', 'sse_v3', '/gradio_api') {
            $text | Should -BeLike "*$needle*"
        }
    }

    It 'names every error kind the module can report' {
        $text = Get-Help about_PowershAI_HuggingFace | Out-String
        $core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'PowershAI.HuggingFace.Core' }
        foreach ($kind in [enum]::GetNames($core.GetType('PowershAI.HuggingFace.Core.GradioErrorKind'))) {
            $text | Should -BeLike "*Gradio$kind*"
        }
    }
}
