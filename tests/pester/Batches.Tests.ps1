# Batches (-ThrottleLimit): several calls in flight on one session from one pipeline, on the fake
# server (which counts the calls it holds at once: GET /fake/calls) and on genuine Gradio 5.14.0.
# No timings: what is checked is order, the in-flight bound the server saw, per-item failures and
# that a stopped batch cancels its calls on the server.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    $script:HaveRealGradio = Test-RealGradioAvailable 'Batches on genuine Gradio'
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    $script:Manifest = (Resolve-Path (Get-TestModuleManifest)).Path
    Import-Module $Manifest -Force

    function Get-ServerCalls($Server) { Invoke-RestMethod "$($Server.Url)fake/calls" }
    function Reset-ServerCalls($Server) { $null = Invoke-RestMethod "$($Server.Url)fake/calls" -Method Delete }

    function Wait-ServerIdle($Server) {
        # Bounded: cancelled calls leave the fake's queue in well under a second.
        foreach ($i in 1..100) {
            $calls = Get-ServerCalls $Server
            if ($calls.active -eq 0) { return $calls }
            Start-Sleep -Milliseconds 100
        }
        return Get-ServerCalls $Server
    }
}

Describe 'batches on the fake server' {
    BeforeAll {
        # Op1 takes two steps of 300 ms, so the calls of a batch overlap on the server.
        $script:Fake = Start-FakeGradio -Profile v5 -App full -ServerArgument '--step-delay-ms', '300'
        $script:Session = New-GradioSession $Fake.Url -Name batch-fake
        $null = New-GradioSessionApiProxyFunction -Session batch-fake -ApiName predict, Op1, long -Prefix Bt
    }
    AfterAll {
        Remove-GradioSession batch-fake -ErrorAction SilentlyContinue
        if ($Fake) { Stop-RealGradio $Fake }
    }
    BeforeEach { Reset-ServerCalls $Fake }

    It 'a generated function takes -A { $_ } per piped item and keeps the results in input order' {
        $sums = @(1..40 | BtPredict -Num1 { $_ } -Operation add -Num2 1 -ThrottleLimit 8 -Result -WarningAction SilentlyContinue)
        $sums | Should -Be (2..41)
    }

    It 'the server holds at most ThrottleLimit calls at once, and that many when the calls overlap' {
        $out = @(1..8 | BtOp1 -Duration { '2' } -ThrottleLimit 4 -Result -WarningAction SilentlyContinue)
        $out | Should -Be (@('Finished') * 8)
        (Get-ServerCalls $Fake).peak | Should -Be 4
    }

    It 'without -ThrottleLimit the calls go one after the other' {
        $null = @(1..3 | BtOp1 -Duration { '1' } -Result -WarningAction SilentlyContinue)
        (Get-ServerCalls $Fake).peak | Should -Be 1
    }

    It '-Unordered writes every result (in whatever order the calls end)' {
        $sums = @(1..30 | BtPredict -Num1 { $_ } -Operation multiply -Num2 2 -ThrottleLimit 8 -Unordered -Result -WarningAction SilentlyContinue)
        ($sums | Sort-Object) | Should -Be (1..30 | ForEach-Object { $_ * 2 })
    }

    It 'a failing item is a non-terminating error of the function; the other items go on' {
        $errors = $null
        $out = @(1..6 | BtPredict -Num1 1 -Operation divide -Num2 { $_ - 3 } -ThrottleLimit 4 -Result -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        $out | Should -Be @(-0.5, -1, 1, 0.5, (1 / 3))
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'GradioAppError,BtPredict'
        $errors[0].InvocationInfo.MyCommand.Name | Should -Be 'BtPredict'
        "$($errors[0])" | Should -BeLike '*divide by zero*'
    }

    It 'a single direct call that fails still terminates' {
        { BtPredict -Num1 1 -Operation divide -Num2 0 -ThrottleLimit 4 -Result } | Should -Throw -ErrorId 'GradioAppError,BtPredict'
    }

    It 'Invoke-GradioSessionApi -ThrottleLimit: script blocks in -Params per item, results in order' {
        $sums = @(1..20 | Invoke-GradioSessionApi predict -Params { $_ }, 'add', 100 -Session batch-fake -Result -ThrottleLimit 5 -WarningAction SilentlyContinue)
        $sums | Should -Be (101..120)
        (Get-ServerCalls $Fake).peak | Should -BeLessOrEqual 5
    }

    It 'Invoke-GradioSessionApi -ThrottleLimit without -Result returns the calls in input order' {
        $calls = @(1..6 | Invoke-GradioSessionApi predict -Params { @{ num1 = $_; operation = 'add'; num2 = 0 } } -Session batch-fake -ThrottleLimit 3 -WarningAction SilentlyContinue)
        $calls.Count | Should -Be 6
        $results = $calls | ForEach-Object { ($_ | Update-GradioSessionApiResult | Select-Object -Last 1).data[0] }
        $results | Should -Be (1..6)
    }

    It 'Send-GradioApi | Update-GradioApiResult -ThrottleLimit reads several calls at once, results in order' {
        $url = $Fake.Url
        $out = @(1..12 | ForEach-Object { Send-GradioApi $url predict @($_, 'add', 1000) } |
                Update-GradioApiResult -ThrottleLimit 4 | Where-Object Event -eq 'complete' | ForEach-Object { $_.data[0] })
        $out | Should -Be (1001..1012)
    }

    It 'Update-GradioApiResult -ThrottleLimit: a failed call is its own error, the others are read' {
        $url = $Fake.Url
        $errors = $null
        $out = @(1..4 | ForEach-Object { Send-GradioApi $url predict @(1, 'divide', ($_ - 2)) } |
                Update-GradioApiResult -ThrottleLimit 4 -ErrorVariable errors -ErrorAction SilentlyContinue | Where-Object Event -eq 'complete' | ForEach-Object { $_.data[0] })
        $out | Should -Be @(-1, 1, 0.5)
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'GradioAppError,PowershAI.HuggingFace.Cmdlets.UpdateGradioApiResultCommand'
    }

    It 'works inside ForEach-Object -Parallel' {
        $manifest = $Manifest
        $url = $Fake.Url
        $out = @(1..2 | ForEach-Object -ThrottleLimit 2 -Parallel {
                Import-Module $using:manifest
                $name = "par$_"
                $null = New-GradioSession $using:url -Name $name
                $base = $_ * 100
                $sum = (1..5 | Invoke-GradioSessionApi predict -Params { $_ }, 'add', $base -Session $name -Result -ThrottleLimit 3 | Measure-Object -Sum).Sum
                Remove-GradioSession $name
                $sum
            })
        ($out | Sort-Object) | Should -Be @(515, 1015)
    }

    It 'stopping the pipeline (PowerShell.Stop) cancels every call in flight on the server' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($Manifest, $Url)
                    Import-Module $Manifest
                    $null = New-GradioSession $Url -Name batch-stop
                    $null = New-GradioSessionApiProxyFunction -Session batch-stop -ApiName long -Prefix St
                    1..10 | StLong -ThrottleLimit 4 -Result
                }).AddArgument($Manifest).AddArgument($Fake.Url)
            $async = $ps.BeginInvoke()
            # Bounded wait until the server holds the batch's four calls.
            foreach ($i in 1..150) {
                if ((Get-ServerCalls $Fake).active -ge 4) { break }
                Start-Sleep -Milliseconds 100
            }
            (Get-ServerCalls $Fake).active | Should -Be 4
            $ps.Stop()
            $async.IsCompleted | Should -BeTrue
            $calls = Wait-ServerIdle $Fake
            $calls.active | Should -Be 0
            $calls.cancelled | Should -BeGreaterOrEqual 1
            $calls.peak | Should -Be 4
        } finally {
            $ps.Dispose()
            Remove-GradioSession batch-stop -ErrorAction SilentlyContinue
        }
    }

    It 'Select-Object -First downstream ends the batch and cancels what is still in flight' {
        # -Unordered: the server runs one 'long' at a time (Gradio's default concurrency limit), and
        # which of the three joins reaches it first is a race. In input order nothing is written
        # while item 0 waits behind item 1's job of 50 minutes, so the test would hang when item 0 loses.
        $first = @(1..10 | BtLong -ThrottleLimit 3 -Unordered | Select-Object -First 1)
        $first.Count | Should -Be 1
        (Wait-ServerIdle $Fake).active | Should -Be 0
    }
}

Describe 'a batch whose failures are explained by the Hub' {
    # Every item's queue/join answers 503 from the host of a sleeping Space, so writing each
    # failure asks the Hub for the Space's stage (WebCmdlet.Explained, an Await nested in the batch
    # loop) while other items end. A wait that took the batch loop's wake-ups left it asleep with
    # failures still to write; the batch runs in a runspace of its own so that fails the test.
    BeforeAll {
        $script:Fake = Start-FakeGradio -Profile v5 -App full
        $script:Hub = Start-FakeHub -Space "owner/demo=$($Fake.Url)fault/space-asleep/" -ServerArgument '--stage', 'owner/demo=SLEEPING'
        $script:SavedEnv = @{}
        foreach ($name in 'HF_ENDPOINT', 'HF_TOKEN') { $SavedEnv[$name] = [Environment]::GetEnvironmentVariable($name) }
        $env:HF_ENDPOINT = $Hub.Url.TrimEnd('/')
        $env:HF_TOKEN = 'hf_alicetoken000000000000000000000000'
    }
    AfterAll {
        foreach ($kv in $SavedEnv.GetEnumerator()) { [Environment]::SetEnvironmentVariable($kv.Key, $kv.Value) }
        if ($Hub) { Stop-RealGradio $Hub }
        if ($Fake) { Stop-RealGradio $Fake }
    }

    It 'each item fails as GradioSpaceNotRunning and the batch ends (ordered and -Unordered)' {
        foreach ($unordered in $false, $true) {
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript({
                        param($Manifest, $Unordered)
                        Import-Module $Manifest
                        $space = Get-HuggingFaceSpace owner/demo -NoGradioSession -WarningAction SilentlyContinue
                        $null = New-GradioSession $space.host -Name asleep -Force
                        $errors = $null
                        $out = @(1..12 | Invoke-GradioSessionApi predict -Params { $_ }, 'add', 1 -Session asleep -Result -ThrottleLimit 4 -Unordered:$Unordered -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
                        Remove-GradioSession asleep
                        [pscustomobject]@{ Out = $out.Count; Ids = @($errors | ForEach-Object FullyQualifiedErrorId) }
                    }).AddArgument($Manifest).AddArgument($unordered)
                $async = $ps.BeginInvoke()
                $async.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(90)) | Should -BeTrue -Because 'the batch must end once every item has failed'
                $result = $ps.EndInvoke($async)
                $ps.Streams.Error | Should -BeNullOrEmpty
                $result.Out | Should -Be 0
                $result.Ids.Count | Should -Be 12
                $result.Ids | Sort-Object -Unique | Should -Be 'GradioSpaceNotRunning,PowershAI.HuggingFace.Cmdlets.InvokeGradioSessionApiCommand'
            } finally {
                # A loop asleep for good would not wake for a stop either: then it is left behind.
                if ($async.IsCompleted) { $ps.Dispose() } else { $null = $ps.BeginStop($null, $null) }
            }
        }
    }
}

Describe 'batches on genuine Gradio 5.14.0' -Skip:(-not $HaveRealGradio) {
    BeforeAll {
        $script:Real = Start-RealGradio -App endpoints-app.py -Version 5.14.0
        $null = New-GradioSession $Real.Url -Name batch-real
        $null = New-GradioSessionApiProxyFunction -Session batch-real -ApiName add_numbers
    }
    AfterAll {
        Remove-GradioSession batch-real -ErrorAction SilentlyContinue
        if ($Real) { Stop-RealGradio $Real }
    }

    It '1..N | Invoke-GradioApiAddNumbers -A { $_ } -B 1 -ThrottleLimit 8 keeps the input order' {
        $sums = @(1..24 | Invoke-GradioApiAddNumbers -A { $_ } -B 1 -ThrottleLimit 8 -Result)
        $sums | Should -Be (2..25)
    }

    It '-Unordered gives every result' {
        $sums = @(1..16 | Invoke-GradioApiAddNumbers -A { $_ } -B 0.5 -ThrottleLimit 8 -Unordered -Result)
        ($sums | Sort-Object) | Should -Be (1..16 | ForEach-Object { $_ + 0.5 })
    }

    It 'Invoke-GradioSessionApi -ThrottleLimit -Result' {
        $sums = @(1..12 | Invoke-GradioSessionApi add_numbers -Params { $_, 10 } -Session batch-real -Result -ThrottleLimit 4)
        $sums | Should -Be (11..22)
    }
}
