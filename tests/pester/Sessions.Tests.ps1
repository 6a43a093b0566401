# Sessions and generated functions against genuine Gradio 5.14.0 and 4.37.2, and the generator
# against a hostile /info served by the project's fake server.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    $script:HaveRealGradio = Test-RealGradioAvailable
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Png.psm1') -Force
    $script:Manifest = Get-TestModuleManifest
    Import-Module $Manifest -Force
}

Describe 'Sessions on Gradio <_> (genuine)' -ForEach @('5.14.0', '4.37.2', '5.45.0') -Skip:(-not $HaveRealGradio) {
    BeforeAll {
        $script:Version = $_
        Get-GradioSession | Remove-GradioSession
        $script:Simple = Start-RealGradio -App simple-app.py -Version $Version
        $script:Endpoints = Start-RealGradio -App endpoints-app.py -Version $Version
        $script:Work = Join-Path ([IO.Path]::GetTempPath()) "phf-sessions-$Version-$PID"
        $null = New-Item -ItemType Directory -Force $Work
    }
    AfterAll {
        Get-GradioSessionApiProxyFunction '*' | Remove-GradioSessionApiProxyFunction
        Get-GradioSession | Remove-GradioSession
        $Simple, $Endpoints | Where-Object { $_ } | ForEach-Object { Stop-RealGradio $_ }
        Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue
    }

    Context 'the seed walkthrough with sessions' {
        BeforeAll {
            $script:SimpleSession = New-GradioSession $Simple.Url.TrimEnd('/')
            $script:SimpleFunctions = New-GradioSessionApiProxyFunction
        }

        It 'makes the only session the default and generates Invoke-GradioApiOp1' {
            (Get-GradioSession .).SessionId | Should -Be $SimpleSession.SessionId
            (Get-GradioInfo).named_endpoints.'/op1'.parameters[0].label | Should -Be 'Duration, in, seconds'
            $SimpleFunctions.Name | Should -Be 'Invoke-GradioApiOp1'
        }

        It 'gives Invoke-GradioApiOp1 real help that lists -Duration' {
            $help = Get-Help -Full Invoke-GradioApiOp1
            $help.Synopsis | Should -BeLike '*/Op1*'
            $help.parameters.parameter.name | Should -Contain 'Duration'
            ($help.parameters.parameter | Where-Object name -eq Duration).description.Text | Should -BeLike 'Duration, in, seconds*Textbox*'
            @($help.examples.example).Count | Should -BeGreaterOrEqual 1
            (Get-Help Invoke-GradioApiOp1 -Examples | Out-String) | Should -BeLike '*Invoke-GradioApiOp1 -Duration*'
        }

        It 'streams Dur:3, the elapsed seconds, then Finished' {
            $data = @(Invoke-GradioApiOp1 -Duration 3 | ForEach-Object { $_.data })
            $data -join ',' | Should -Be 'Dur:3,1,2,3,Finished,Finished'
        }

        It 'returns the call with -Manual, to read later' {
            $call = Invoke-GradioApiOp1 -Duration 1 -Manual
            $call.ApiName | Should -Be '/Op1'
            $last = $call | Update-GradioSessionApiResult | Select-Object -Last 1
            $last.data[0] | Should -Be 'Finished'
            (Get-GradioSessionApi).Id | Should -Contain $call.Id
        }

        It 'lists and removes its generated functions' {
            (Get-GradioSessionApiProxyFunction).Name | Should -Contain 'Invoke-GradioApiOp1'
            Get-GradioSessionApiProxyFunction | Remove-GradioSessionApiProxyFunction
            Get-Command Invoke-GradioApiOp1 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        }
    }

    Context 'generated functions of a richer app' {
        BeforeAll {
            $script:EpSession = New-GradioSession $Endpoints.Url -Name "ep-$Version"
            Set-GradioSession "ep-$Version" -Default
            $null = GradioApiFunction -Prefix Ep
        }

        It 'types parameters from /info: text, number, bool and choices' {
            $params = (Get-Command EpTypedInputs).Parameters
            $params.Text.ParameterType | Should -Be ([string])
            $params.Number.ParameterType | Should -Be ([double])
            $params.Check.ParameterType | Should -Be ([bool])
            $params.Dropdown.Attributes.Where({ $_ -is [ValidateSet] }).ValidValues | Should -Be @('alpha', 'beta', 'gamma')
            { EpTypedInputs -Radio four } | Should -Throw
        }

        It 'sends given values and leaves the rest to their defaults, including false' {
            $r = EpTypedInputs -Text hey -Check $false -Radio three | Select-Object -Last 1
            $r.data[0] | Should -Be "text='hey' number=3 slider=4 check=False dropdown='beta' radio='three'"
            $r.data[1] | Should -Be 7
        }

        It 'uploads a local image path and returns a valid flipped image file' {
            $png = New-TestPng (Join-Path $Work 'in.png') -Width 4 -Height 2
            $out = Join-Path $Work 'flipped'
            $r = EpFlipImage -Img $png -OutputDirectory $out | Select-Object -Last 1
            $file = $r.data[0]
            $file | Should -BeOfType [IO.FileInfo]
            $file.DirectoryName | Should -Be (Resolve-Path $out).Path
            $in = Read-Png $png; $flipped = Read-Png $file.FullName
            ($flipped.Pixel(0, 1) -join ',') | Should -Be ($in.Pixel(3, 1) -join ',')
        }

        It 'keeps FileData with -NoDownload' {
            $r = EpMakeFile -Text 'kept' -NoDownload | Select-Object -Last 1
            $r.data[0].meta._type | Should -Be 'gradio.FileData'
        }

        It 'keeps gr.State across calls of the session' {
            $null = EpCount
            (EpCount | Select-Object -Last 1).data[0] | Should -Be 'this session has called count 2 time(s)'
        }

        It 'streams a chat reply' {
            $events = @(EpChat -Message hello)
            $events[-1].event | Should -Be 'complete'
            $events[-1].data[0] | Should -BeLike '*You said: hello*'
            @($events | Where-Object event -eq generating).Count | Should -BeGreaterThan 1
        }

        It 'chains two endpoints with -ApiResultMap, one call per upstream result' {
            $r = @(EpAddNumbers -A 1 -B 2 | EpAddNumbers -ApiResultMap 'A=0' -B 10)
            $r.Count | Should -Be 1
            $r[0].data[0] | Should -Be 13
            $r[0].pipeline[0].data[0] | Should -Be 3
        }

        It 'chains a file output into a file input' {
            $r = EpMakeFile -Text 'abc' | EpFileSize -ApiResultMap 'Path=0' | Select-Object -Last 1
            $r.data[0] | Should -Be ("generated by endpoints-app`nabc`n").Length
        }

        It 'shows the endpoints as objects and as view_api text' {
            $views = Get-GradioEndpoint -ApiName add_numbers
            $views.Parameters.Name | Should -Be @('a', 'b')
            $text = Get-GradioEndpoint -AsText -ApiName add_numbers
            $text | Should -Match ([regex]::Escape('add_numbers(a, b, api_name="/add_numbers") -> a+b'))
            $text | Should -Match ([regex]::Escape('- [Number] a: float (not required, defaults to: 1)'))
        }

        It 'switches between two sessions with Set-GradioSession -Default' {
            $second = New-GradioSession $Simple.Url -Name "second-$Version"
            Set-GradioSession $second -Default
            (Invoke-GradioSessionApi Op1 @(1) | Update-GradioSessionApiResult | Select-Object -Last 1).data[0] | Should -Be 'Finished'
            Set-GradioSession "ep-$Version" -Default
            (Invoke-GradioSessionApi add_numbers @{ a = 4 } | Update-GradioSessionApiResult | Select-Object -Last 1).data[0] | Should -Be 6
            Remove-GradioSession $second
        }

        It 'is shared with parallel runspaces' {
            $names = 1..3 | ForEach-Object -ThrottleLimit 3 -Parallel {
                Import-Module $using:Manifest
                (Invoke-GradioSessionApi add_numbers @($_, 1) -Session $using:EpSession.Name | Update-GradioSessionApiResult | Select-Object -Last 1).data[0]
            }
            ($names | Sort-Object) -join ',' | Should -Be '2,3,4'
        }
    }
}

Describe 'The generator against a hostile /info' {
    BeforeAll {
        $script:Fake = Start-FakeGradio -Profile v5 -App hostile
        $script:Canary = Join-Path ([IO.Path]::GetTempPath()) "phf-canary-$PID.txt"
        $env:CANARY = $Canary
        Remove-Item $Canary -ErrorAction SilentlyContinue
        $script:Hostile = New-GradioSession $Fake.Url -Name "hostile-$PID"
        $script:Functions = New-GradioSessionApiProxyFunction -Session $Hostile -Prefix Hostile
    }
    AfterAll {
        $Functions | Remove-GradioSessionApiProxyFunction
        Remove-GradioSession $Hostile
        Stop-RealGradio $Fake
        Remove-Item $Canary -ErrorAction SilentlyContinue
    }

    It 'loads usable functions with clean, unique names' {
        $Functions.Name | Should -Be @('HostileEvilnameSetContentPathEnvCANARYValuePwned', 'HostileDoIt', 'HostileDoIt2')
        $Functions | ForEach-Object { $_.Name | Should -Match '^[A-Za-z0-9]+$' }
    }

    It 'never clashes with common parameters and renames digits and duplicates' {
        $params = $Functions[0].Parameters.Keys
        $params | Should -Contain 'VerboseValue'
        $params | Should -Contain 'P1abc'
        $params | Should -Contain 'Dup'
        $params | Should -Contain 'Dup2'
        $params | Should -Contain 'Näme'
    }

    It 'keeps hostile choices as exact values' {
        $Functions[0].Parameters.Choice.Attributes.Where({ $_ -is [ValidateSet] }).ValidValues |
            Should -Be @("a'b", '$(Set-Content -Path $env:CANARY -Value pwned)', '#>')
    }

    It 'sends hostile defaults and values verbatim, and runs nothing' {
        $null = Get-Help $Functions[0].Name -Full
        $r = & $Functions[0].Name -P1abc '$(also not run)' -Choice '#>' | Select-Object -Last 1
        $sent = $r.data[0] | ConvertFrom-Json
        $sent[0] | Should -Be "it's `$(Set-Content -Path `$env:CANARY -Value pwned)"
        $sent[1] | Should -Be '$(also not run)'
        $sent[4] | Should -Be '#>'
        $sent[6] | Should -Be "‘smart’ quotes"
        Test-Path $Canary | Should -BeFalse
    }
}
