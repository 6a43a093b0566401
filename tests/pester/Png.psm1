# Just enough PNG to test image round trips without System.Drawing (absent on Linux):
# New-TestPng writes an 8-bit RGB image whose every pixel differs, Read-Png decodes 8-bit
# RGB or RGBA images (all five row filters) into width, height and a pixel accessor.

Set-StrictMode -Version 3.0

function Get-Crc32([byte[]] $Bytes) {
    # Unsigned literals: 0xFFFFFFFF alone would be the Int32 -1.
    [uint32] $all = [uint32]::MaxValue
    [uint32] $poly = 3988292384   # 0xEDB88320
    [uint32] $crc = $all
    foreach ($b in $Bytes) {
        $crc = $crc -bxor $b
        for ($k = 0; $k -lt 8; $k++) {
            $crc = if ($crc -band 1) { $poly -bxor ($crc -shr 1) } else { $crc -shr 1 }
        }
    }
    return [uint32]($crc -bxor $all)
}

function Write-Chunk([IO.Stream] $Out, [string] $Type, [byte[]] $Data) {
    $len = [BitConverter]::GetBytes([uint32]$Data.Length); [Array]::Reverse($len)
    $typeBytes = [Text.Encoding]::ASCII.GetBytes($Type)
    $crc = [BitConverter]::GetBytes((Get-Crc32 ($typeBytes + $Data))); [Array]::Reverse($crc)
    $Out.Write($len, 0, 4); $Out.Write($typeBytes, 0, 4); $Out.Write($Data, 0, $Data.Length); $Out.Write($crc, 0, 4)
}

function New-TestPng {
    <# Writes a Width x Height RGB PNG where pixel (x, y) is (x*40, y*60, 200 - x*10) and returns its path. #>
    param([string] $Path, [int] $Width = 5, [int] $Height = 3)
    $raw = [IO.MemoryStream]::new()
    for ($y = 0; $y -lt $Height; $y++) {
        $raw.WriteByte(0)   # filter: none
        for ($x = 0; $x -lt $Width; $x++) { $raw.WriteByte($x * 40); $raw.WriteByte($y * 60); $raw.WriteByte(200 - $x * 10) }
    }
    $packed = [IO.MemoryStream]::new()
    $z = [IO.Compression.ZLibStream]::new($packed, [IO.Compression.CompressionLevel]::Optimal, $true)
    $z.Write($raw.ToArray(), 0, [int]$raw.Length); $z.Dispose()
    $ihdr = [byte[]]::new(13)
    $w = [BitConverter]::GetBytes([uint32]$Width); [Array]::Reverse($w); [Array]::Copy($w, 0, $ihdr, 0, 4)
    $h = [BitConverter]::GetBytes([uint32]$Height); [Array]::Reverse($h); [Array]::Copy($h, 0, $ihdr, 4, 4)
    $ihdr[8] = 8; $ihdr[9] = 2   # 8-bit RGB
    $out = [IO.File]::Create($Path)
    try {
        $sig = [byte[]](0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)
        $out.Write($sig, 0, 8)
        Write-Chunk $out 'IHDR' $ihdr
        Write-Chunk $out 'IDAT' $packed.ToArray()
        Write-Chunk $out 'IEND' ([byte[]]@())
    } finally { $out.Dispose() }
    return $Path
}

function Read-Png {
    <# Decodes an 8-bit RGB/RGBA PNG: Width, Height, and Pixel(x, y) -> @(r, g, b). Throws on anything else. #>
    param([string] $Path)
    $bytes = [IO.File]::ReadAllBytes($Path)
    $sig = [byte[]](0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)
    if ($bytes.Length -lt 8 -or -not [Linq.Enumerable]::SequenceEqual([byte[]]$bytes[0..7], $sig)) { throw "$Path is not a PNG file" }
    $pos = 8; $idat = [IO.MemoryStream]::new(); $width = 0; $height = 0; $channels = 0
    while ($pos -lt $bytes.Length) {
        $len = ([int]$bytes[$pos] -shl 24) -bor ([int]$bytes[$pos + 1] -shl 16) -bor ([int]$bytes[$pos + 2] -shl 8) -bor $bytes[$pos + 3]
        $type = [Text.Encoding]::ASCII.GetString($bytes, $pos + 4, 4)
        $data = $pos + 8
        switch ($type) {
            'IHDR' {
                $width = ([int]$bytes[$data] -shl 24) -bor ([int]$bytes[$data + 1] -shl 16) -bor ([int]$bytes[$data + 2] -shl 8) -bor $bytes[$data + 3]
                $height = ([int]$bytes[$data + 4] -shl 24) -bor ([int]$bytes[$data + 5] -shl 16) -bor ([int]$bytes[$data + 6] -shl 8) -bor $bytes[$data + 7]
                if ($bytes[$data + 8] -ne 8) { throw "unsupported bit depth $($bytes[$data + 8])" }
                $channels = switch ($bytes[$data + 9]) { 2 { 3 } 6 { 4 } default { throw "unsupported colour type $_" } }
            }
            'IDAT' { $idat.Write($bytes, $data, $len) }
        }
        $pos = $data + $len + 4
    }
    $idat.Position = 0
    $z = [IO.Compression.ZLibStream]::new($idat, [IO.Compression.CompressionMode]::Decompress)
    $raw = [IO.MemoryStream]::new(); $z.CopyTo($raw); $z.Dispose()
    $raw = $raw.ToArray()
    $stride = $width * $channels
    $pixels = [byte[]]::new($stride * $height)
    for ($y = 0; $y -lt $height; $y++) {
        $filter = $raw[$y * ($stride + 1)]
        for ($i = 0; $i -lt $stride; $i++) {
            $x = $raw[$y * ($stride + 1) + 1 + $i]
            $a = if ($i -ge $channels) { $pixels[$y * $stride + $i - $channels] } else { 0 }
            $b = if ($y -gt 0) { $pixels[($y - 1) * $stride + $i] } else { 0 }
            $c = if ($y -gt 0 -and $i -ge $channels) { $pixels[($y - 1) * $stride + $i - $channels] } else { 0 }
            $pred = switch ($filter) {
                0 { 0 } 1 { $a } 2 { $b } 3 { [math]::Floor(($a + $b) / 2) }
                4 { $p = $a + $b - $c; $pa = [math]::Abs($p - $a); $pb = [math]::Abs($p - $b); $pc = [math]::Abs($p - $c)
                    if ($pa -le $pb -and $pa -le $pc) { $a } elseif ($pb -le $pc) { $b } else { $c } }
                default { throw "bad filter $filter" }
            }
            $pixels[$y * $stride + $i] = [byte](($x + $pred) % 256)
        }
    }
    $image = [pscustomobject]@{ Width = $width; Height = $height; Channels = $channels; Bytes = $pixels }
    $image | Add-Member -MemberType ScriptMethod -Name Pixel -Value {
        param($x, $y)
        $o = ($y * $this.Width + $x) * $this.Channels
        return @($this.Bytes[$o], $this.Bytes[$o + 1], $this.Bytes[$o + 2])
    }
    return $image
}

Export-ModuleMember -Function New-TestPng, Read-Png
