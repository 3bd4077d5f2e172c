#!/usr/bin/python3
"""Password-protects a .docx the way Office does (ECMA-376 agile encryption, as written by Word 2010+):
an OLE2 compound file holding the streams EncryptionInfo and EncryptedPackage.

LibreOffice 7.4 cannot write encrypted OOXML and Debian's msoffcrypto-tool 5.0 only decrypts, so the
encryption is done here with python3-cryptography and the compound file is written by libgsf's `gsf createole`
(Debian package libgsf-bin). The result is checked by decrypting it again with msoffcrypto-tool when installed
(python3-msoffcrypto-tool). Salts and keys come from a fixed seed, so the output is reproducible.

Usage: /usr/bin/python3 scripts/fixtures-word/encrypt-docx.py IN.docx OUT.docx PASSWORD
"""
import base64
import hashlib
import hmac
import io
import os
import random
import struct
import subprocess
import sys
import tempfile

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

SPIN = 100000
FIXED_TIME = 1704067200  # 2024-01-01
BLOCK_VERIFIER_INPUT = bytes.fromhex("fea7d2763b4b9e79")
BLOCK_VERIFIER_VALUE = bytes.fromhex("d7aa0f6d3061344e")
BLOCK_KEY = bytes.fromhex("146e0be7abacd0d6")
BLOCK_HMAC_KEY = bytes.fromhex("5fb2ad010cb9e1f6")
BLOCK_HMAC_VALUE = bytes.fromhex("a0677f02b22c8433")


def sha512(*parts):
    h = hashlib.sha512()
    for part in parts:
        h.update(part)
    return h.digest()


def aes_cbc(key, iv, data):
    pad = (-len(data)) % 16
    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return enc.update(data + b"\0" * pad) + enc.finalize()


def password_key(password, salt, block):
    h = sha512(salt, password.encode("utf-16le"))
    for i in range(SPIN):
        h = sha512(struct.pack("<I", i), h)
    return sha512(h, block)[:32]


def encrypt(package, password, rng):
    secret = rng.randbytes(32)
    key_salt = rng.randbytes(16)
    pw_salt = rng.randbytes(16)
    verifier = rng.randbytes(16)

    out = io.BytesIO()
    out.write(struct.pack("<Q", len(package)))
    for i in range(0, len(package), 4096):
        iv = sha512(key_salt, struct.pack("<I", i // 4096))[:16]
        out.write(aes_cbc(secret, iv, package[i : i + 4096]))
    encrypted_package = out.getvalue()

    hmac_key = rng.randbytes(64)
    hmac_value = hmac.new(hmac_key, encrypted_package, hashlib.sha512).digest()
    enc_hmac_key = aes_cbc(secret, sha512(key_salt, BLOCK_HMAC_KEY)[:16], hmac_key)
    enc_hmac_value = aes_cbc(secret, sha512(key_salt, BLOCK_HMAC_VALUE)[:16], hmac_value)

    enc_verifier_input = aes_cbc(password_key(password, pw_salt, BLOCK_VERIFIER_INPUT), pw_salt, verifier)
    enc_verifier_value = aes_cbc(password_key(password, pw_salt, BLOCK_VERIFIER_VALUE), pw_salt, sha512(verifier))
    enc_key = aes_cbc(password_key(password, pw_salt, BLOCK_KEY), pw_salt, secret)

    b64 = lambda b: base64.b64encode(b).decode("ascii")
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" '
        'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">'
        f'<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" '
        f'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="{b64(key_salt)}"/>'
        f'<dataIntegrity encryptedHmacKey="{b64(enc_hmac_key)}" encryptedHmacValue="{b64(enc_hmac_value)}"/>'
        '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">'
        f'<p:encryptedKey spinCount="{SPIN}" saltSize="16" blockSize="16" keyBits="256" hashSize="64" '
        f'cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="{b64(pw_salt)}" '
        f'encryptedVerifierHashInput="{b64(enc_verifier_input)}" encryptedVerifierHashValue="{b64(enc_verifier_value)}" '
        f'encryptedKeyValue="{b64(enc_key)}"/></keyEncryptor></keyEncryptors></encryption>'
    )
    info = struct.pack("<HHI", 4, 4, 0x40) + xml.encode("utf-8")
    return info, encrypted_package


def main():
    src, dst, password = sys.argv[1:4]
    with open(src, "rb") as f:
        package = f.read()
    info, encrypted_package = encrypt(package, password, random.Random(20240101))
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in (("EncryptionInfo", info), ("EncryptedPackage", encrypted_package)):
            path = os.path.join(tmp, name)
            with open(path, "wb") as f:
                f.write(data)
            os.utime(path, (FIXED_TIME, FIXED_TIME))  # gsf stores the files' dates
        out = os.path.join(tmp, "out.docx")
        subprocess.run(
            ["gsf", "createole", out, "EncryptionInfo", "EncryptedPackage"],
            cwd=tmp, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        with open(out, "rb") as f:
            data = f.read()
    # A new file renamed into place: never rewrite an existing file's contents (it may be hard-linked).
    with open(dst + ".tmp", "wb") as f:
        f.write(data)
    os.replace(dst + ".tmp", dst)
    try:
        import msoffcrypto
    except ImportError:
        print("encrypt: msoffcrypto-tool not installed, round trip not checked", file=sys.stderr)
        return
    with open(dst, "rb") as f:
        office = msoffcrypto.OfficeFile(f)
        office.load_key(password=password, verify_password=True)
        plain = io.BytesIO()
        office.decrypt(plain, verify_integrity=True)
    assert plain.getvalue() == package, "decrypted package differs from the input"


if __name__ == "__main__":
    main()
