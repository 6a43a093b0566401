# Reads the help markdown of docs/cmdlets/*.md and docs/about/*.md (format: docs/cmdlets/README.md).
#
# Read-CmdletHelpMarkdown  one cmdlet doc -> an object with Name, Synopsis, Description,
#                          Examples, Parameters, Inputs, Outputs, Notes, Links (paragraph lists)
# ConvertTo-HelpParagraphs markdown text -> paragraphs of plain text (what MAML and about_ show)
# ConvertTo-AboutText      an about_ markdown file -> the plain text of about_<Topic>.help.txt
#
# Used by Build-Help.ps1 (markdown -> MAML) and by tests/pester/Help*.Tests.ps1 (which run the
# example blocks), so both read the docs the same way. No dependency beyond PowerShell 7.2.

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

# The sections a cmdlet doc may have, in the order platyPS writes them.
$script:KnownSections = @('SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS')

function Split-MarkdownHeadings {
    <# Splits lines at headings of one level (outside code fences): @{ Title; Lines }, plus what came before as Title $null. #>
    param([string[]] $Lines, [int] $Level)
    $marker = ('#' * $Level) + ' '
    $parts = [Collections.Generic.List[object]]::new()
    $current = [pscustomobject]@{ Title = $null; Lines = [Collections.Generic.List[string]]::new(); Line = 0 }
    $inFence = $false
    $i = 0
    foreach ($line in $Lines) {
        $i++
        if ($line -match '^\s*```') { $inFence = -not $inFence }
        if (-not $inFence -and $line.StartsWith($marker)) {
            $parts.Add($current)
            $current = [pscustomobject]@{ Title = $line.Substring($marker.Length).Trim(); Lines = [Collections.Generic.List[string]]::new(); Line = $i }
            continue
        }
        $current.Lines.Add($line)
    }
    $parts.Add($current)
    return $parts
}

function ConvertFrom-InlineMarkdown {
    <# Plain text of one line of markdown: links keep their text (and the URL when it is one), no backticks or emphasis. #>
    param([string] $Text)
    # [text](http...) -> text (http...); [text](Other.md) -> text
    $Text = [regex]::Replace($Text, '\[([^\]]+)\]\((https?://[^)]+)\)', { param($m) if ($m.Groups[1].Value -eq $m.Groups[2].Value) { $m.Groups[1].Value } else { "$($m.Groups[1].Value) ($($m.Groups[2].Value))" } })
    $Text = [regex]::Replace($Text, '\[([^\]]+)\]\([^)]*\)', '$1')
    $Text = [regex]::Replace($Text, '(?<![\w*])\*\*([^*]+)\*\*', '$1')
    $Text = [regex]::Replace($Text, '(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])', '$1')
    $Text = $Text -replace '`', ''
    $Text = $Text -replace '\\([\\`*_{}\[\]()#+\-.!|<>])', '$1'
    return $Text
}

function ConvertTo-HelpParagraphs {
    <#
    Markdown to paragraphs of plain text. A paragraph is lines joined with spaces; each list item
    ("- ", "* ", "1. ") is its own paragraph (marker kept, continuation lines joined); a code
    fence becomes one paragraph with its lines kept and indented four spaces; a table keeps its
    rows; HTML comments are dropped.
    #>
    param([string[]] $Lines)
    $paras = [Collections.Generic.List[string]]::new()
    $buffer = [Collections.Generic.List[string]]::new()
    $mode = 'text'   # text | list | fence | table
    $fence = [Collections.Generic.List[string]]::new()
    function Flush {
        if ($buffer.Count -eq 0) { return }
        if ($mode -eq 'table') {
            # Columns padded to their widest cell, each row indented two spaces (kept as is when wrapped).
            $rows = @($buffer | ForEach-Object { , @($_.Split([char]0x1F) | ForEach-Object { ConvertFrom-InlineMarkdown $_ }) })
            $widths = @(for ($c = 0; $c -lt $rows[0].Count; $c++) { ($rows | ForEach-Object { if ($c -lt $_.Count) { $_[$c].Length } else { 0 } } | Measure-Object -Maximum).Maximum })
            $lines = foreach ($row in $rows) {
                '  ' + ((0..($row.Count - 1) | ForEach-Object { if ($_ -lt $row.Count - 1) { $row[$_].PadRight($widths[$_]) } else { $row[$_] } }) -join '  ')
            }
            $paras.Add(($lines -join "`n"))
        } else {
            $paras.Add((($buffer | ForEach-Object { ConvertFrom-InlineMarkdown $_.Trim() }) -join ' '))
        }
        $buffer.Clear()
    }
    $text = ($Lines -join "`n") -replace '(?s)<!--.*?-->', ''
    foreach ($line in $text -split "`n") {
        if ($mode -eq 'fence') {
            if ($line -match '^\s*```') {
                $paras.Add((($fence | ForEach-Object { ('    ' + $_).TrimEnd() }) -join "`n"))
                $fence.Clear()
                $mode = 'text'
            } else { $fence.Add($line) }
            continue
        }
        if ($line -match '^\s*```') { Flush; $mode = 'fence'; continue }
        if ($line.Trim() -eq '') { Flush; $mode = 'text'; continue }
        if ($line -match '^\s*\|') {
            if ($mode -ne 'table') { Flush; $mode = 'table' }
            if ($line -match '^\s*\|[\s:|-]+\|\s*$') { continue }   # the |---|---| rule
            $cells = @($line.Trim().Trim('|').Split('|') | ForEach-Object { $_.Trim() })
            $buffer.Add(($cells -join [char]0x1F))
            continue
        }
        if ($line -match '^\s*([-*]|\d+\.)\s+') {
            Flush
            $mode = 'list'
            $buffer.Add(($line.Trim() -replace '^\*\s+', '- '))
            continue
        }
        if ($mode -eq 'table') { Flush; $mode = 'text' }
        $buffer.Add($line)
    }
    if ($mode -eq 'fence' -and $fence.Count) { $paras.Add((($fence | ForEach-Object { '    ' + $_ }) -join "`n")) }
    Flush
    return , $paras.ToArray()
}

function Get-CodeFence {
    <# The first ```powershell (or ```ps1, or bare ```) block of some lines: its text and the index of the line after it. #>
    param([string[]] $Lines)
    $start = -1
    for ($i = 0; $i -lt $Lines.Count; $i++) {
        if ($start -lt 0 -and $Lines[$i] -match '^\s*```\s*(powershell|pwsh|ps1|ps)?\s*$') { $start = $i; continue }
        if ($start -ge 0 -and $Lines[$i] -match '^\s*```\s*$') {
            return [pscustomobject]@{ Code = ($Lines[($start + 1)..($i - 1)] -join "`n"); Start = $start; End = $i }
        }
    }
    return $null
}

function Read-CmdletHelpMarkdown {
    <#
    .SYNOPSIS
        Parses one docs/cmdlets/<Name>.md. Returns the object, or throws with the file and line
        of what is wrong in the format (not the content checks: Build-Help.ps1 does those).
    #>
    param([Parameter(Mandatory)] [string] $Path)
    $file = Split-Path -Leaf $Path
    $lines = [IO.File]::ReadAllLines($Path)
    $top = @(Split-MarkdownHeadings $lines 1)
    $titled = @($top | Where-Object Title)
    if ($titled.Count -ne 1) { throw "${file}: a cmdlet doc has exactly one '# <Cmdlet-Name>' heading (found $($titled.Count))." }
    $name = $titled[0].Title.Trim()
    $doc = [ordered]@{
        Path = $Path; File = $file; Name = $name
        Synopsis = @(); Description = @(); Notes = @(); Syntax = $null
        Examples = [Collections.Generic.List[object]]::new()
        Parameters = [ordered]@{}
        Inputs = [Collections.Generic.List[object]]::new()
        Outputs = [Collections.Generic.List[object]]::new()
        Links = [Collections.Generic.List[object]]::new()
    }
    $seen = @{}
    foreach ($section in Split-MarkdownHeadings $titled[0].Lines 2) {
        if (-not $section.Title) {
            if (($section.Lines -join '').Trim()) { throw "${file}: text before the first '## ' section (put it under ## DESCRIPTION)." }
            continue
        }
        $title = $section.Title.ToUpperInvariant()
        if ($title -notin $script:KnownSections) { throw "${file}: unknown section '## $($section.Title)'. Known: $($script:KnownSections -join ', ')." }
        if ($seen[$title]) { throw "${file}: section '## $title' appears twice." }
        $seen[$title] = $true
        $body = [string[]] $section.Lines
        switch ($title) {
            'SYNOPSIS' { $doc.Synopsis = ConvertTo-HelpParagraphs $body }
            'SYNTAX' { $doc.Syntax = ($body -join "`n").Trim() }   # informative only: the build writes syntax from the cmdlet
            'DESCRIPTION' { $doc.Description = ConvertTo-HelpParagraphs $body }
            'NOTES' { $doc.Notes = ConvertTo-HelpParagraphs $body }
            'EXAMPLES' {
                foreach ($ex in Split-MarkdownHeadings $body 3) {
                    if (-not $ex.Title) { continue }
                    $exLines = [string[]] $ex.Lines
                    $fence = Get-CodeFence $exLines
                    if (-not $fence) { throw "${file}: '### $($ex.Title)' has no ```powershell code block." }
                    $title3 = $ex.Title -replace '^Example\s+\d+\s*[:.-]?\s*', ''
                    $noRun = $null
                    $marker = [regex]::Match(($exLines -join "`n"), '<!--\s*example:\s*no-run\s*(.*?)\s*-->')
                    if ($marker.Success) {
                        $noRun = $marker.Groups[1].Value.Trim()
                        if (-not $noRun) { throw "${file}: '### $($ex.Title)': <!-- example: no-run --> needs a reason." }
                    }
                    $after = if ($fence.End + 1 -lt $exLines.Count) { $exLines[($fence.End + 1)..($exLines.Count - 1)] } else { @() }
                    $before = if ($fence.Start -gt 0) { $exLines[0..($fence.Start - 1)] } else { @() }
                    $doc.Examples.Add([pscustomobject]@{
                        Number  = $doc.Examples.Count + 1
                        Title   = $title3
                        Code    = $fence.Code
                        Intro   = ConvertTo-HelpParagraphs $before
                        Remarks = ConvertTo-HelpParagraphs $after
                        NoRun   = $noRun
                        Line    = $titled[0].Line + $section.Line + $ex.Line
                    })
                }
            }
            'PARAMETERS' {
                foreach ($p in Split-MarkdownHeadings $body 3) {
                    if (-not $p.Title) { continue }
                    if ($p.Title -notmatch '^-(\w+)$') { throw "${file}: parameter headings are '### -Name' (found '### $($p.Title)')." }
                    $pname = $Matches[1]
                    if ($doc.Parameters.Contains($pname)) { throw "${file}: parameter -$pname is described twice." }
                    $plines = [Collections.Generic.List[string]]::new()
                    $default = $null; $globbing = $false
                    foreach ($l in $p.Lines) {
                        if ($l -match '^\s*Default value:\s*(.+?)\s*$') { $default = $Matches[1] -replace '`', ''; continue }
                        if ($l -match '^\s*Accept wildcard characters:\s*(true|false)\s*$') { $globbing = $Matches[1] -eq 'true'; continue }
                        $plines.Add($l)
                    }
                    $doc.Parameters[$pname] = [pscustomobject]@{
                        Name = $pname; Description = ConvertTo-HelpParagraphs $plines.ToArray(); Default = $default; Globbing = $globbing
                    }
                }
            }
            { $_ -in 'INPUTS', 'OUTPUTS' } {
                $list = $doc[$(if ($title -eq 'INPUTS') { 'Inputs' } else { 'Outputs' })]
                foreach ($t in Split-MarkdownHeadings $body 3) {
                    if (-not $t.Title) {
                        if (($t.Lines -join '').Trim()) { throw "${file}: under ## $title, each type is a '### TypeName' heading with its description." }
                        continue
                    }
                    $list.Add([pscustomobject]@{ Type = (ConvertFrom-InlineMarkdown $t.Title); Description = ConvertTo-HelpParagraphs ([string[]] $t.Lines) })
                }
            }
            'RELATED LINKS' {
                foreach ($l in $body) {
                    if ($l -match '^\s*[-*]\s+\[([^\]]+)\]\(([^)]*)\)') {
                        $uri = if ($Matches[2] -match '^https?://') { $Matches[2] } else { '' }
                        $doc.Links.Add([pscustomobject]@{ Text = $Matches[1]; Uri = $uri })
                    } elseif ($l -match '^\s*[-*]\s+(\S.*)$') {
                        $doc.Links.Add([pscustomobject]@{ Text = (ConvertFrom-InlineMarkdown $Matches[1]); Uri = '' })
                    }
                }
            }
        }
    }
    return [pscustomobject]$doc
}

function Format-WrappedText {
    <# Wraps a paragraph to a width, each line indented. Lines that start with spaces (code) are kept as they are. #>
    param([string] $Text, [int] $Indent = 4, [int] $Width = 80)
    $pad = ' ' * $Indent
    $out = [Collections.Generic.List[string]]::new()
    foreach ($raw in $Text -split "`n") {
        if ($raw -match '^ {2,}') { $out.Add(($pad + $raw).TrimEnd()); continue }
        $hang = if ($raw -match '^(- |\d+\. )') { ' ' * $Matches[1].Length } else { '' }
        $line = ''
        foreach ($word in $raw -split ' ' | Where-Object { $_ -ne '' }) {
            if ($line -and ($pad.Length + $line.Length + 1 + $word.Length) -gt $Width) {
                $out.Add($pad + $line)
                $line = $hang + $word
            } elseif ($line) { $line += ' ' + $word } else { $line = $word }
        }
        if ($line) { $out.Add($pad + $line) }
    }
    return $out -join "`n"
}

function ConvertTo-AboutText {
    <#
    .SYNOPSIS
        docs/about/about_<Topic>.md -> the text of about_<Topic>.help.txt.
    .DESCRIPTION
        "# about_X" becomes the TOPIC block; "## Heading" becomes an upper-case heading at the
        left margin; "### Heading" a heading indented two spaces; text is wrapped to 80 columns
        and indented four spaces; code blocks keep their lines, indented eight.
    #>
    param([Parameter(Mandatory)] [string] $Path)
    $file = Split-Path -Leaf $Path
    $lines = [IO.File]::ReadAllLines($Path)
    $top = @(Split-MarkdownHeadings $lines 1 | Where-Object Title)
    if ($top.Count -ne 1 -or $top[0].Title -notmatch '^about_\w+$') { throw "${file}: an about topic has exactly one '# about_<Topic>' heading." }
    $sb = [Text.StringBuilder]::new()
    $null = $sb.Append("TOPIC`n    $($top[0].Title)`n")
    foreach ($section in Split-MarkdownHeadings $top[0].Lines 2) {
        if (-not $section.Title) { continue }
        $null = $sb.Append("`n$($section.Title.ToUpperInvariant())`n")
        foreach ($sub in Split-MarkdownHeadings $section.Lines 3) {
            if ($sub.Title) { $null = $sb.Append("`n  $((ConvertFrom-InlineMarkdown $sub.Title).ToUpperInvariant())`n") }
            $paragraphs = ConvertTo-HelpParagraphs ([string[]] $sub.Lines)
            foreach ($para in $paragraphs) {
                $null = $sb.Append((Format-WrappedText $para)).Append("`n`n")
            }
        }
    }
    return ($sb.ToString().TrimEnd() + "`n") -replace "`n{3,}", "`n`n"
}

Export-ModuleMember -Function Read-CmdletHelpMarkdown, ConvertTo-HelpParagraphs, ConvertFrom-InlineMarkdown, ConvertTo-AboutText, Format-WrappedText
