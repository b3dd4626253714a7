<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
<!-- Qt's own words on standard buttons and the wizard, which Qt does not ship in Indonesian. -->
<context>
    <name>QPlatformTheme</name>
    <message><source>OK</source><translation>OK</translation></message>
    <message><source>Save</source><translation>Simpan</translation></message>
    <message><source>Cancel</source><translation>Batal</translation></message>
    <message><source>Close</source><translation>Tutup</translation></message>
    <message><source>&amp;Yes</source><translation>&amp;Ya</translation></message>
    <message><source>&amp;No</source><translation>&amp;Tidak</translation></message>
    <message><source>Apply</source><translation>Terapkan</translation></message>
    <message><source>Reset</source><translation>Atur ulang</translation></message>
    <message><source>Help</source><translation>Bantuan</translation></message>
    <message><source>Discard</source><translation>Buang</translation></message>
    <message><source>Open</source><translation>Buka</translation></message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message><source>OK</source><translation>OK</translation></message>
    <message><source>&amp;OK</source><translation>&amp;OK</translation></message>
    <message><source>&amp;Save</source><translation>&amp;Simpan</translation></message>
    <message><source>Save</source><translation>Simpan</translation></message>
    <message><source>&amp;Cancel</source><translation>&amp;Batal</translation></message>
    <message><source>Cancel</source><translation>Batal</translation></message>
    <message><source>&amp;Close</source><translation>&amp;Tutup</translation></message>
    <message><source>Close</source><translation>Tutup</translation></message>
</context>
<context>
    <name>QWizard</name>
    <message><source>&lt; &amp;Back</source><translation>&lt; &amp;Kembali</translation></message>
    <message><source>&amp;Next</source><translation>&amp;Lanjut</translation></message>
    <message><source>&amp;Next &gt;</source><translation>&amp;Lanjut &gt;</translation></message>
    <message><source>&amp;Finish</source><translation>&amp;Selesai</translation></message>
    <message><source>Cancel</source><translation>Batal</translation></message>
    <message><source>&amp;Help</source><translation>&amp;Bantuan</translation></message>
    <message><source>Go Back</source><translation>Kembali</translation></message>
    <message><source>Continue</source><translation>Lanjut</translation></message>
    <message><source>Commit</source><translation>Terapkan</translation></message>
    <message><source>Done</source><translation>Selesai</translation></message>
</context>
<context>
    <name>QMessageBox</name>
    <message><source>OK</source><translation>OK</translation></message>
</context>
</TS>
