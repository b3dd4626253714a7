<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../ui/activity/dialogs.py" line="30"/>
        <source>Planned</source>
        <translation>Terencana</translation>
    </message>
    <message>
        <location filename="../../ui/activity/dialogs.py" line="30"/>
        <source>An interruption</source>
        <translation>Interupsi</translation>
    </message>
    <message>
        <location filename="../../ui/activity/dialogs.py" line="31"/>
        <location filename="../../ui/shell/prompts.py" line="315"/>
        <location filename="../../ui/tray/tray.py" line="47"/>
        <source>A meeting</source>
        <translation>Rapat</translation>
    </message>
    <message>
        <location filename="../../ui/activity/dialogs.py" line="31"/>
        <location filename="../../ui/tray/tray.py" line="47"/>
        <source>An urgent request</source>
        <translation>Permintaan mendesak</translation>
    </message>
    <message>
        <location filename="../../ui/activity/dialogs.py" line="32"/>
        <source>My own choice</source>
        <translation>Pilihan sendiri</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="327"/>
        <source>Reflect on today…</source>
        <translation>Refleksi hari ini…</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="327"/>
        <source>Insights…</source>
        <translation>Wawasan…</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="328"/>
        <source>Export weekly report…</source>
        <translation>Ekspor laporan mingguan…</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="328"/>
        <source>Team report…</source>
        <translation>Laporan tim…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/app.py" line="189"/>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="33"/>
        <source>The calendar could not be imported: {reason}</source>
        <translation>Kalender tidak dapat diimpor: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/welcome.py" line="53"/>
        <location filename="../../ui/shell/app.py" line="248"/>
        <location filename="../../ui/shell/app.py" line="257"/>
        <source>Fokus</source>
        <translation>Fokus</translation>
    </message>
    <message>
        <location filename="../../ui/shell/prompts.py" line="314"/>
        <source>{meeting} at {time} starts before this session ends.</source>
        <translation>{meeting} pukul {time} dimulai sebelum sesi ini selesai.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/prompts.py" line="381"/>
        <source>Weekly self-report</source>
        <translation>Laporan mandiri mingguan</translation>
    </message>
    <message>
        <location filename="../../ui/shell/prompts.py" line="382"/>
        <source>Week {week} is done: export your self-report for your PIC.</source>
        <translation>Pekan {week} selesai: ekspor laporan mandiri Anda untuk PIC.</translation>
    </message>
    <message>
        <location filename="../../ui/activity/dialogs.py" line="146"/>
        <source>Start a focus session on {project} now</source>
        <translation>Mulai sesi fokus di {project} sekarang</translation>
    </message>
    <message>
        <location filename="../../ui/shell/prompts.py" line="253"/>
        <source>Session on {project} ended</source>
        <translation>Sesi di {project} berakhir</translation>
    </message>
    <message>
        <location filename="../../ui/shell/app.py" line="393"/>
        <source>Interruption logged</source>
        <translation>Interupsi dicatat</translation>
    </message>
    <message>
        <location filename="../../ui/shell/app.py" line="393"/>
        <source>Fokus noted an interruption.</source>
        <translation>Fokus mencatat satu interupsi.</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="262"/>
        <location filename="../../ui/tray/tray.py" line="387"/>
        <source>Switch to</source>
        <translation>Pindah ke</translation>
    </message>
    <message>
        <location filename="../../ui/shell/prompts.py" line="306"/>
        <source>It is core hours, the time set aside for coordination.</source>
        <translation>Sekarang jam inti, waktu yang disediakan untuk koordinasi.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/prompts.py" line="337"/>
        <source>Start a focus session?</source>
        <translation>Mulai sesi fokus?</translation>
    </message>
    <message>
        <location filename="../../ui/shell/prompts.py" line="339"/>
        <source>Start the focus session anyway?</source>
        <translation>Tetap mulai sesi fokus?</translation>
    </message>
    <message>
        <location filename="../../ui/shell/app.py" line="268"/>
        <source>Sync</source>
        <translation>Sinkronisasi</translation>
    </message>
    <message>
        <location filename="../../ui/shell/app.py" line="402"/>
        <location filename="../../ui/week/window_watch.py" line="146"/>
        <source>Deep-work window until {time}</source>
        <translation>Jam kerja mendalam sampai {time}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/app.py" line="406"/>
        <source>Planned: {what}. Start it from the Fokus icon.</source>
        <translation>Rencana: {what}. Mulai dari ikon Fokus.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/app.py" line="407"/>
        <source>Start {what}</source>
        <translation>Mulai {what}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/app.py" line="410"/>
        <source>No meetings now: a good time to start a focus session.</source>
        <translation>Tidak ada rapat sekarang: saat yang baik untuk memulai sesi fokus.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/app.py" line="478"/>
        <source>Focus session complete</source>
        <translation>Sesi fokus selesai</translation>
    </message>
    <message>
        <location filename="../../ui/shell/app.py" line="479"/>
        <source>{minutes} min on {title}. {rest}: snooze or skip it from the Fokus icon.</source>
        <translation>{minutes} menit di {title}. {rest}: tunda atau lewati dari ikon Fokus.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/app.py" line="481"/>
        <source>{minutes} min on {title}. Time for a short break.</source>
        <translation>{minutes} menit di {title}. Saatnya istirahat sejenak.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/app.py" line="491"/>
        <source>Break over</source>
        <translation>Istirahat selesai</translation>
    </message>
    <message>
        <location filename="../../ui/shell/app.py" line="491"/>
        <source>Start the next focus session when you are ready.</source>
        <translation>Mulai sesi fokus berikutnya saat Anda siap.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/app.py" line="494"/>
        <source>Fokus ended unexpectedly</source>
        <translation>Fokus berhenti tak terduga</translation>
    </message>
    <message>
        <location filename="../../ui/shell/app.py" line="495"/>
        <source>Your focus session on {project} was saved up to {time}.</source>
        <translation>Sesi fokus Anda di {project} tersimpan sampai {time}.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/app.py" line="505"/>
        <source>Fokus cannot save</source>
        <translation>Fokus tidak dapat menyimpan</translation>
    </message>
    <message>
        <location filename="../../ui/shell/app.py" line="508"/>
        <source>Fokus cannot start</source>
        <translation>Fokus tidak dapat dimulai</translation>
    </message>
    <message>
        <location filename="../../ui/shell/app.py" line="518"/>
        <source>Quit Fokus?</source>
        <translation>Keluar dari Fokus?</translation>
    </message>
    <message>
        <location filename="../../ui/shell/app.py" line="519"/>
        <source>A focus session on {title} is running. Quitting stops it and keeps the time focused so far.</source>
        <translation>Sesi fokus pada {title} sedang berjalan. Keluar akan menghentikannya dan menyimpan waktu fokus sejauh ini.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="38"/>
        <source>There is no project named “{project}”.</source>
        <translation>Tidak ada proyek bernama “{project}”.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="39"/>
        <source>There is no batch {batch}.</source>
        <translation>Tidak ada batch {batch}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="40"/>
        <source>A project named “{project}” already exists.</source>
        <translation>Proyek bernama “{project}” sudah ada.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="41"/>
        <source>Project “{project}” is archived.</source>
        <translation>Proyek “{project}” sudah diarsipkan.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="42"/>
        <source>That batch belongs to another project.</source>
        <translation>Batch itu milik proyek lain.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="43"/>
        <source>Batch “{batch}” is already done.</source>
        <translation>Batch “{batch}” sudah selesai.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="44"/>
        <source>The value for {field} is not valid: {value}</source>
        <translation>Nilai untuk {field} tidak valid: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="45"/>
        <source>A focus session is already running.</source>
        <translation>Sesi fokus sudah berjalan.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="46"/>
        <location filename="../../ui/messages.py" line="48"/>
        <source>No focus session is running.</source>
        <translation>Tidak ada sesi fokus yang berjalan.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="47"/>
        <source>The focus session is not paused.</source>
        <translation>Sesi fokus tidak sedang dijeda.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="49"/>
        <source>No break is running.</source>
        <translation>Tidak ada istirahat yang sedang berjalan.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="51"/>
        <source>The database {path} was written by a newer version of Fokus. Nothing was changed; please update Fokus.</source>
        <translation>Basis data {path} ditulis oleh Fokus versi yang lebih baru. Tidak ada yang diubah; silakan perbarui Fokus.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="55"/>
        <source>The database {path} cannot be read ({reason}). It was left untouched.</source>
        <translation>Basis data {path} tidak dapat dibaca ({reason}). Berkas tidak diubah.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="57"/>
        <source>The database is busy. Please try again.</source>
        <translation>Basis data sedang sibuk. Silakan coba lagi.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="58"/>
        <source>The disk is full: Fokus could not save. Free some space.</source>
        <translation>Disk penuh: Fokus tidak dapat menyimpan. Kosongkan sebagian ruang.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="59"/>
        <source>Fokus cannot use the folder {path}: {reason}</source>
        <translation>Fokus tidak dapat memakai folder {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="60"/>
        <source>The running Fokus does not answer.</source>
        <translation>Fokus yang sedang berjalan tidak menjawab.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="61"/>
        <source>Fokus failed while doing “{command}” ({reason}).</source>
        <translation>Fokus gagal saat menjalankan “{command}” ({reason}).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="63"/>
        <source>The database {path} is read-only: Fokus shows what it holds but saves nothing. Make the file and its folder writable.</source>
        <translation>Basis data {path} hanya-baca: Fokus menampilkan isinya tetapi tidak menyimpan apa pun. Jadikan berkas dan foldernya dapat ditulisi.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="68"/>
        <source>The work model is not valid: {problem} {subject}</source>
        <translation>Model kerja tidak valid: {problem} {subject}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="70"/>
        <source>Cannot import {path}: {reason}. Nothing was imported.</source>
        <translation>Tidak dapat mengimpor {path}: {reason}. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="71"/>
        <source>There is no time block {block}.</source>
        <translation>Tidak ada blok waktu {block}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="72"/>
        <source>The block lies outside work hours.</source>
        <translation>Blok ini berada di luar jam kerja.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="73"/>
        <source>There is no setting named “{key}”. The settings are: {known}</source>
        <translation>Tidak ada pengaturan bernama “{key}”. Pengaturan yang ada: {known}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="75"/>
        <source>There is no session {session}.</source>
        <translation>Tidak ada sesi {session}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="76"/>
        <source>That entry no longer exists.</source>
        <translation>Entri itu sudah tidak ada.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="77"/>
        <source>That would overlap the session on {project} ({start}–{end}).</source>
        <translation>Itu akan bertumpang tindih dengan sesi di {project} ({start}–{end}).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="79"/>
        <source>That session is still running: only its project and batch can change until it ends.</source>
        <translation>Sesi itu masih berjalan: hanya proyek dan batch-nya yang bisa diubah sampai sesi berakhir.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="81"/>
        <source>There is nothing to undo.</source>
        <translation>Tidak ada yang bisa dibatalkan.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="82"/>
        <source>This cannot be undone: a newer entry now has its place. Nothing was changed.</source>
        <translation>Ini tidak bisa dibatalkan: tempatnya kini dipakai entri yang lebih baru. Tidak ada yang diubah.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="84"/>
        <source>“{value}” is not a valid value for {key}. Allowed: {allowed}</source>
        <translation>“{value}” bukan nilai yang valid untuk {key}. Yang diizinkan: {allowed}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="86"/>
        <source>Sync is not set up on this computer.</source>
        <translation>Sinkronisasi belum disiapkan di komputer ini.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="87"/>
        <source>The passphrase does not open the sync folder {path}. Nothing was merged.</source>
        <translation>Frasa sandi tidak dapat membuka folder sinkronisasi {path}. Tidak ada yang digabungkan.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="89"/>
        <source>A file in the sync folder was refused ({file}): it is damaged, incomplete or sealed with another passphrase. Nothing of it was merged.</source>
        <translation>Sebuah berkas di folder sinkronisasi ditolak ({file}): berkas rusak, belum lengkap, atau dikunci dengan frasa sandi lain. Tidak ada isinya yang digabungkan.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="92"/>
        <source>Cannot use the sync folder {path}: {reason}</source>
        <translation>Folder sinkronisasi {path} tidak dapat dipakai: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="95"/>
        <source>The work model is not valid: {problem}</source>
        <translation>Model kerja tidak valid: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="99"/>
        <source>{key} is edited in its own window in Settings.</source>
        <translation>{key} diubah di jendelanya sendiri di Pengaturan.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="109"/>
        <source>no-meeting window</source>
        <translation>jam bebas rapat</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="109"/>
        <source>core hours</source>
        <translation>jam inti</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="110"/>
        <source>work hours</source>
        <translation>jam kerja</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="110"/>
        <source>lunch break</source>
        <translation>istirahat siang</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="124"/>
        <source>The stored work model cannot be read; the default is used.</source>
        <translation>Model kerja yang tersimpan tidak dapat dibaca; model bawaan dipakai.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="165"/>
        <source>Coding</source>
        <translation>Pemrograman</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="166"/>
        <source>Debugging</source>
        <translation>Debugging</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="167"/>
        <source>Technology research</source>
        <translation>Riset teknologi</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="168"/>
        <source>Refactoring</source>
        <translation>Refaktorisasi</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="169"/>
        <source>Documentation</source>
        <translation>Dokumentasi</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="170"/>
        <source>Code review</source>
        <translation>Tinjauan kode</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="171"/>
        <source>Pair programming</source>
        <translation>Pair programming</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="172"/>
        <source>Sprint planning</source>
        <translation>Perencanaan sprint</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="173"/>
        <source>Retrospective</source>
        <translation>Retrospektif</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="174"/>
        <source>Stand-up</source>
        <translation>Stand-up</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="175"/>
        <source>Design thinking</source>
        <translation>Design thinking</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="176"/>
        <source>Meeting</source>
        <translation>Rapat</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="177"/>
        <source>Administration</source>
        <translation>Administrasi</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="184"/>
        <source>Low</source>
        <translation>Rendah</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="185"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="186"/>
        <source>High</source>
        <translation>Tinggi</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="187"/>
        <source>Critical</source>
        <translation>Kritis</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="119"/>
        <source>A time span ends before it starts: {subject}</source>
        <translation>Rentang waktu berakhir sebelum dimulai: {subject}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="120"/>
        <source>A window lies outside the work hours: {subject}</source>
        <translation>Sebuah rentang waktu berada di luar jam kerja: {subject}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="121"/>
        <source>A no-meeting window overlaps the core hours: {subject}</source>
        <translation>Jam bebas rapat bertumpang tindih dengan jam inti: {subject}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="122"/>
        <source>Two no-meeting windows overlap: {subject}</source>
        <translation>Dua rentang jam bebas rapat bertumpang tindih: {subject}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="123"/>
        <source>The week has no work day.</source>
        <translation>Pekan ini tidak punya hari kerja.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="73"/>
        <source>Remote (WFA)</source>
        <translation>Jarak jauh (WFA)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="73"/>
        <source>Office (WFO)</source>
        <translation>Kantor (WFO)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="74"/>
        <source>Either</source>
        <translation>Keduanya</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="78"/>
        <source>No-meeting window (deep work)</source>
        <translation>Jam bebas rapat (kerja mendalam)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="79"/>
        <source>Core hours (coordination)</source>
        <translation>Jam inti (koordinasi)</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="222"/>
        <source>completed</source>
        <translation>selesai</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="222"/>
        <source>stopped early</source>
        <translation>dihentikan lebih awal</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="223"/>
        <source>running</source>
        <translation>berjalan</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="223"/>
        <source>paused</source>
        <translation>dijeda</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="224"/>
        <source>tray</source>
        <translation>baki sistem</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="224"/>
        <source>hotkey</source>
        <translation>pintasan</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="224"/>
        <source>command line</source>
        <translation>baris perintah</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="225"/>
        <source>noticed automatically</source>
        <translation>terdeteksi otomatis</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="225"/>
        <source>window</source>
        <translation>jendela</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="226"/>
        <source>git activity</source>
        <translation>aktivitas git</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="228"/>
        <source> · added by hand</source>
        <translation> · ditambahkan manual</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="228"/>
        <source> · edited by hand</source>
        <translation> · diubah manual</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="240"/>
        <source>Focus session</source>
        <translation>Sesi fokus</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="241"/>
        <source>{what}: {minutes} min, {state}</source>
        <translation>{what}: {minutes} menit, {state}</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="244"/>
        <source> · {n} min more at the same time as another computer&apos;s session, counted there</source>
        <translation> · {n} menit lagi bersamaan dengan sesi di komputer lain, dihitung di sana</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="249"/>
        <source>Switch</source>
        <translation>Perpindahan</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="249"/>
        <source>{a} → {b} ({trigger}, {source})</source>
        <translation>{a} → {b} ({trigger}, {source})</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="255"/>
        <source>, {n} min</source>
        <translation>, {n} menit</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="256"/>
        <source>Interruption</source>
        <translation>Interupsi</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="46"/>
        <source>A colleague</source>
        <translation>Rekan kerja</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="46"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="46"/>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="48"/>
        <source>Something else</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="118"/>
        <location filename="../../ui/tray/tray.py" line="158"/>
        <source>Fokus — loading…</source>
        <translation>Fokus — memuat…</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="180"/>
        <source>Fokus cannot save: {problem}
The session goes on and is saved when writing works again.</source>
        <translation>Fokus tidak dapat menyimpan: {problem}
Sesi tetap berjalan dan akan disimpan begitu penyimpanan berfungsi lagi.</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="190"/>
        <source>Fokus — {title}
{detail}</source>
        <translation>Fokus — {title}
{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="194"/>
        <source>Fokus — no focus session</source>
        <translation>Fokus — tidak ada sesi fokus</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="197"/>
        <source>Paused: {title}
{left} min left</source>
        <translation>Dijeda: {title}
sisa {left} menit</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="204"/>
        <source>Focusing: {title}
{left} min left (until {end})</source>
        <translation>Fokus: {title}
sisa {left} menit (sampai {end})</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="231"/>
        <source>Paused: {title} · {left} min left</source>
        <translation>Dijeda: {title} · sisa {left} menit</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="232"/>
        <source>Focusing: {title} · {left} min left</source>
        <translation>Fokus: {title} · sisa {left} menit</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="241"/>
        <source>Snooze 5 minutes</source>
        <translation>Tunda 5 menit</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="244"/>
        <source>Skip break</source>
        <translation>Lewati istirahat</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="251"/>
        <source>Start planned: {what}</source>
        <translation>Mulai rencana: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="257"/>
        <source>Start focus</source>
        <translation>Mulai fokus</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="267"/>
        <source>Log interruption</source>
        <translation>Catat interupsi</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="273"/>
        <source>Resume</source>
        <translation>Lanjutkan</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="276"/>
        <source>Pause</source>
        <translation>Jeda</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="279"/>
        <source>Stop</source>
        <translation>Hentikan</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="291"/>
        <location filename="../../ui/tray/tray.py" line="422"/>
        <source>Focus length</source>
        <translation>Lama fokus</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="326"/>
        <source>Projects &amp;&amp; batches…</source>
        <translation>Proyek &amp;&amp; batch…</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="326"/>
        <source>Today…</source>
        <translation>Hari ini…</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="329"/>
        <source>Week…</source>
        <translation>Pekan…</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="329"/>
        <source>Settings…</source>
        <translation>Pengaturan…</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="298"/>
        <source>Quit Fokus</source>
        <translation>Keluar dari Fokus</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="344"/>
        <source>Planned now ({span})</source>
        <translation>Rencana sekarang ({span})</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="344"/>
        <source>Next up ({span})</source>
        <translation>Berikutnya ({span})</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="350"/>
        <source>Projects</source>
        <translation>Proyek</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="353"/>
        <source>Add a project first…</source>
        <translation>Tambahkan proyek dulu…</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="365"/>
        <source>{project} (no batch)</source>
        <translation>{project} (tanpa batch)</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="375"/>
        <source>{project} (now)</source>
        <translation>{project} (sekarang)</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="403"/>
        <source>{n} minutes</source>
        <translation>{n} menit</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="410"/>
        <source>Custom: {n} minutes…</source>
        <translation>Khusus: {n} menit…</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="411"/>
        <source>Custom…</source>
        <translation>Khusus…</translation>
    </message>
    <message>
        <location filename="../../ui/tray/tray.py" line="422"/>
        <source>Minutes per focus session:</source>
        <translation>Menit per sesi fokus:</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="49"/>
        <source>Deep work in core hours (meant for coordination)</source>
        <translation>Kerja mendalam di jam inti (yang disediakan untuk koordinasi)</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="50"/>
        <source>Collaborative work in a no-meeting window</source>
        <translation>Kerja kolaboratif di jam bebas rapat</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="51"/>
        <source>Overlaps a meeting</source>
        <translation>Bertumpang tindih dengan rapat</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="52"/>
        <source>Outside work hours</source>
        <translation>Di luar jam kerja</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="53"/>
        <source>More projects this day than your limit</source>
        <translation>Proyek hari ini melebihi batas Anda</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="60"/>
        <source>at risk: no free window of the right kind before its due date</source>
        <translation>berisiko: tidak ada waktu luang yang sesuai sebelum tenggatnya</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="61"/>
        <source>at risk: its due date has passed</source>
        <translation>berisiko: tenggatnya sudah lewat</translation>
    </message>
    <message>
        <location filename="../../ui/week/day_kinds.py" line="12"/>
        <source>WFA</source>
        <translation>WFA</translation>
    </message>
    <message>
        <location filename="../../ui/week/day_kinds.py" line="12"/>
        <source>WFO</source>
        <translation>WFO</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="42"/>
        <location filename="../../ui/week/day_kinds.py" line="12"/>
        <source>Off</source>
        <translation>Libur</translation>
    </message>
    <message>
        <location filename="../../ui/week/day_kinds.py" line="13"/>
        <source>Holiday</source>
        <translation>Hari libur</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="59"/>
        <source>no free window of the right kind is left this week</source>
        <translation>tidak ada lagi waktu luang yang sesuai pekan ini</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="62"/>
        <source>the days with free windows already hold your project limit</source>
        <translation>hari-hari yang masih punya waktu luang sudah mencapai batas proyek Anda</translation>
    </message>
    <message>
        <location filename="../../ui/week/window_watch.py" line="148"/>
        <source>Core hours until {time}</source>
        <translation>Jam inti sampai {time}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="33"/>
        <source>{label}:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="39"/>
        <source>The system&apos;s language</source>
        <translation>Bahasa sistem</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="42"/>
        <source>Ask me</source>
        <translation>Tanya saya</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="42"/>
        <source>Log it</source>
        <translation>Catat saja</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="47"/>
        <source> min</source>
        <translation> menit</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="54"/>
        <source>Allowed: {minimum} to {maximum}{unit}.</source>
        <translation>Yang diizinkan: {minimum} sampai {maximum}{unit}.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="57"/>
        <source>Allowed: {choices}.</source>
        <translation>Yang diizinkan: {choices}.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="60"/>
        <source>A time of day, HH:MM.</source>
        <translation>Waktu dalam sehari, JJ:MM.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="62"/>
        <source>A day of the week and a time of day.</source>
        <translation>Hari dalam sepekan dan jamnya.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="64"/>
        <source>Write it like Ctrl+Alt+F; leave it empty to turn the shortcut off.</source>
        <translation>Tulis seperti Ctrl+Alt+F; kosongkan untuk mematikan pintasan ini.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="66"/>
        <source>Leave it empty for none.</source>
        <translation>Kosongkan jika tidak ada.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="110"/>
        <source>From the work model</source>
        <translation>Dari model kerja</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="184"/>
        <source>{label}: day</source>
        <translation>{label}: hari</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="185"/>
        <source>{label}: time</source>
        <translation>{label}: jam</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="188"/>
        <source>on</source>
        <translation>pada</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="271"/>
        <source>A calendar exported as .ics</source>
        <translation>Kalender yang diekspor sebagai .ics</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="275"/>
        <source>Browse…</source>
        <translation>Telusuri…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="287"/>
        <source>Calendar files (*.ics)</source>
        <translation>Berkas kalender (*.ics)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="125"/>
        <source>Projects per day must be between {minimum} and {maximum}.</source>
        <translation>Proyek per hari harus antara {minimum} dan {maximum}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="127"/>
        <source>The focus length must be between {minimum} and {maximum} minutes.</source>
        <translation>Panjang fokus harus antara {minimum} dan {maximum} menit.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="68"/>
        <source>{label}: “{value}” is not allowed. {allowed}</source>
        <translation>{label}: “{value}” tidak diizinkan. {allowed}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/fields.py" line="273"/>
        <source>Your home folder</source>
        <translation>Folder rumah Anda</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="66"/>
        <source>Something that is not Fokus&apos;s own stands where its command socket goes ({path}); it was left alone. Remove it if you did not make it.</source>
        <translation>Ada sesuatu yang bukan milik Fokus di tempat soket perintahnya ({path}); tidak disentuh. Hapus jika bukan Anda yang membuatnya.</translation>
    </message>
    <message>
        <location filename="../../ui/activity/git_watch.py" line="238"/>
        <source>branch {branch}</source>
        <translation>branch {branch}</translation>
    </message>
    <message>
        <location filename="../../ui/activity/git_watch.py" line="240"/>
        <source>last commit “{subject}”</source>
        <translation>commit terakhir “{subject}”</translation>
    </message>
    <message>
        <location filename="../../ui/activity/git_watch.py" line="242"/>
        <source>nothing left uncommitted</source>
        <translation>tidak ada yang belum di-commit</translation>
    </message>
    <message>
        <location filename="../../ui/activity/git_watch.py" line="246"/>
        <source> and {n} more</source>
        <translation> dan {n} lainnya</translation>
    </message>
    <message>
        <location filename="../../ui/activity/git_watch.py" line="247"/>
        <source>not committed: {files}</source>
        <translation>belum di-commit: {files}</translation>
    </message>
    <message>
        <location filename="../../ui/activity/git_watch.py" line="249"/>
        <source>1 file not committed</source>
        <translation>1 berkas belum di-commit</translation>
    </message>
    <message>
        <location filename="../../ui/activity/git_watch.py" line="251"/>
        <source>{n} files not committed</source>
        <translation>{n} berkas belum di-commit</translation>
    </message>
    <message>
        <location filename="../../ui/activity/git_watch.py" line="263"/>
        <source>Estimated time lost to switching: about {lost} min ({switches} × {buffer} min to get back into a task). This is an estimate: in Parnin &amp; Rugaber 2011 only about 10 % of programming sessions resumed with an edit within a minute, and 10–15 minutes before the first edit is typical; change the buffer in Settings.</source>
        <translation>Perkiraan waktu yang hilang karena perpindahan: sekitar {lost} menit ({switches} × {buffer} menit untuk kembali ke tugas). Ini perkiraan: dalam studi Parnin &amp; Rugaber 2011 hanya sekitar 10% sesi pemrograman yang dilanjutkan dengan suntingan dalam satu menit, dan biasanya butuh 10–15 menit sebelum suntingan pertama; ubah nilainya di Pengaturan.</translation>
    </message>
    <message>
        <location filename="../../ui/activity/git_watch.py" line="274"/>
        <source>Time lost to switching: about {lost} min ({switches} × {median} min, your measured resumption lag: the median time from a switch to your first save or commit; n = {n}, range {low}–{high} min).</source>
        <translation>Waktu yang hilang karena perpindahan: sekitar {lost} menit ({switches} × {median} menit, jeda kembali bekerja yang terukur darimu: median waktu dari perpindahan sampai simpan atau commit pertamamu; n = {n}, rentang {low}–{high} menit).</translation>
    </message>
    <message>
        <location filename="../../ui/tray/breaks.py" line="35"/>
        <source>{m} min</source>
        <translation>{m} mnt</translation>
    </message>
    <message>
        <location filename="../../ui/tray/breaks.py" line="37"/>
        <source>{h} h</source>
        <translation>{h} jam</translation>
    </message>
    <message>
        <location filename="../../ui/tray/breaks.py" line="38"/>
        <source>{h} h {m}</source>
        <translation>{h} jam {m}</translation>
    </message>
    <message>
        <location filename="../../ui/tray/breaks.py" line="49"/>
        <source>Break until {time}</source>
        <translation>Istirahat sampai {time}</translation>
    </message>
    <message>
        <location filename="../../ui/tray/breaks.py" line="54"/>
        <source>{minutes} min after {focused} min of focus, ending before your meeting</source>
        <translation>{minutes} menit setelah {focused} menit fokus, selesai sebelum rapat Anda</translation>
    </message>
    <message>
        <location filename="../../ui/tray/breaks.py" line="56"/>
        <source>{minutes} min after {focused} min of focus</source>
        <translation>{minutes} menit setelah {focused} menit fokus</translation>
    </message>
    <message>
        <location filename="../../ui/tray/breaks.py" line="64"/>
        <source>Deep work today {done} of {cap}</source>
        <translation>Kerja mendalam hari ini {done} dari {cap}</translation>
    </message>
    <message>
        <location filename="../../ui/tray/breaks.py" line="68"/>
        <source>{over} past the daily cap</source>
        <translation>lewat {over} dari batas harian</translation>
    </message>
    <message>
        <location filename="../../ui/tray/breaks.py" line="72"/>
        <source>This week {done} of {goal}</source>
        <translation>Pekan ini {done} dari {goal}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/insights.py" line="295"/>
        <source>{n} min</source>
        <translation>{n} menit</translation>
    </message>
    <message>
        <location filename="../../ui/reports/insights.py" line="317"/>
        <source>, {n} of them in no-meeting windows</source>
        <translation>, {n} di antaranya di jam bebas rapat</translation>
    </message>
    <message>
        <location filename="../../ui/reports/insights.py" line="321"/>
        <location filename="../../ui/reports/insights.py" line="343"/>
        <source>No focus sessions this week yet.</source>
        <translation>Belum ada sesi fokus pekan ini.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/insights.py" line="322"/>
        <source>{day}: context switches {switches}, interruptions {interruptions}</source>
        <translation>{day}: perpindahan konteks {switches}, interupsi {interruptions}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/insights.py" line="326"/>
        <source>No switches or interruptions this week.</source>
        <translation>Tidak ada perpindahan atau interupsi pekan ini.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/insights.py" line="331"/>
        <source>week {n}</source>
        <translation>pekan {n}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/insights.py" line="333"/>
        <source>{week}: no reflection</source>
        <translation>{week}: tanpa refleksi</translation>
    </message>
    <message>
        <location filename="../../ui/reports/insights.py" line="335"/>
        <source>{week}: satisfaction {satisfaction}, energy {energy}</source>
        <translation>{week}: kepuasan {satisfaction}, energi {energy}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/insights.py" line="339"/>
        <source>No reflections in these weeks yet.</source>
        <translation>Belum ada refleksi pada pekan-pekan ini.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/insights.py" line="350"/>
        <source>No-meeting windows: {windows}.</source>
        <translation>Jam bebas rapat: {windows}.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/insights.py" line="352"/>
        <source>Focus per day, by project</source>
        <translation>Fokus per hari, per proyek</translation>
    </message>
    <message>
        <location filename="../../ui/reports/insights.py" line="353"/>
        <source>Switches and interruptions per day</source>
        <translation>Perpindahan dan interupsi per hari</translation>
    </message>
    <message>
        <location filename="../../ui/reports/insights.py" line="354"/>
        <source>Satisfaction and energy over the weeks (1–5)</source>
        <translation>Kepuasan dan energi dari pekan ke pekan (1–5)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/insights.py" line="355"/>
        <source>Focus by hour of day (shaded: no-meeting windows)</source>
        <translation>Fokus per jam (arsir: jam bebas rapat)</translation>
    </message>
</context>
<context>
    <name>AwayDialog</name>
    <message>
        <location filename="../../ui/activity/dialogs.py" line="43"/>
        <source>Welcome back</source>
        <translation>Selamat datang kembali</translation>
    </message>
    <message>
        <location filename="../../ui/activity/dialogs.py" line="45"/>
        <source>Your computer slept for {n} min during your focus session on {project}. The session was paused when it went to sleep.</source>
        <translation>Komputer Anda tidur selama {n} menit saat sesi fokus di {project}. Sesi dijeda saat komputer mulai tidur.</translation>
    </message>
    <message>
        <location filename="../../ui/activity/dialogs.py" line="48"/>
        <source>No input for {n} min during your focus session on {project}. The session was paused when input stopped.</source>
        <translation>Tidak ada aktivitas papan ketik atau tetikus selama {n} menit saat sesi fokus di {project}. Sesi dijeda sejak aktivitas berhenti.</translation>
    </message>
    <message>
        <location filename="../../ui/activity/dialogs.py" line="52"/>
        <source>What was that time?</source>
        <translation>Waktu itu dipakai untuk apa?</translation>
    </message>
    <message>
        <location filename="../../ui/activity/dialogs.py" line="56"/>
        <source>&amp;Focus — I was thinking or reading; count it</source>
        <translation>&amp;Fokus — saya sedang berpikir atau membaca; hitung</translation>
    </message>
    <message>
        <location filename="../../ui/activity/dialogs.py" line="57"/>
        <source>A &amp;break</source>
        <translation>&amp;Istirahat</translation>
    </message>
    <message>
        <location filename="../../ui/activity/dialogs.py" line="58"/>
        <source>A &amp;meeting</source>
        <translation>&amp;Rapat</translation>
    </message>
    <message>
        <location filename="../../ui/activity/dialogs.py" line="59"/>
        <source>An &amp;interruption</source>
        <translation>I&amp;nterupsi</translation>
    </message>
    <message>
        <location filename="../../ui/activity/dialogs.py" line="60"/>
        <source>&amp;Done — end the session when I left</source>
        <translation>&amp;Selesai — akhiri sesi saat saya pergi</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="119"/>
        <source>Edit batch</source>
        <translation>Ubah batch</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="119"/>
        <source>New batch</source>
        <translation>Batch baru</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="127"/>
        <source>A group of tasks of one project</source>
        <translation>Sekumpulan tugas dari satu proyek</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="137"/>
        <source> min</source>
        <translation> menit</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="144"/>
        <source>Due</source>
        <translation>Tenggat</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="153"/>
        <source>Due date</source>
        <translation>Tenggat</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="160"/>
        <source>Context preparation: branch, files, where to begin, what to read first</source>
        <translation>Persiapan konteks: branch, berkas, mulai dari mana, apa yang dibaca dulu</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="163"/>
        <source>&amp;Project:</source>
        <translation>&amp;Proyek:</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="164"/>
        <source>&amp;Title:</source>
        <translation>&amp;Judul:</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="165"/>
        <source>Task t&amp;ype:</source>
        <translation>Jenis &amp;tugas:</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="166"/>
        <source>&amp;Estimate:</source>
        <translation>&amp;Estimasi:</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="167"/>
        <source>&amp;Urgency:</source>
        <translation>&amp;Urgensi:</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="168"/>
        <source>Due date:</source>
        <translation>Tanggal tenggat:</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="169"/>
        <source>Pre&amp;paration note:</source>
        <translation>Catatan &amp;persiapan:</translation>
    </message>
</context>
<context>
    <name>BlockDialog</name>
    <message>
        <location filename="../../ui/week/window.py" line="74"/>
        <source>Time block</source>
        <translation>Blok waktu</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="90"/>
        <source>Day:</source>
        <translation>Hari:</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="91"/>
        <source>&amp;Project:</source>
        <translation>&amp;Proyek:</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="92"/>
        <source>&amp;Batch:</source>
        <translation>&amp;Batch:</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="93"/>
        <source>&amp;From:</source>
        <translation>&amp;Dari:</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="94"/>
        <source>&amp;To:</source>
        <translation>&amp;Sampai:</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="99"/>
        <source>(no batch)</source>
        <translation>(tanpa batch)</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../ui/settings/welcome.py" line="230"/>
        <source>Your calendar (optional)</source>
        <translation>Kalender Anda (opsional)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/welcome.py" line="231"/>
        <source>Fokus plans deep work around your meetings. Export your calendar as an .ics file (Google, Outlook or Apple).</source>
        <translation>Fokus merencanakan kerja mendalam di sela rapat Anda. Ekspor kalender Anda sebagai berkas .ics (Google, Outlook, atau Apple).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/welcome.py" line="234"/>
        <source>No calendar file</source>
        <translation>Tidak ada berkas kalender</translation>
    </message>
    <message>
        <location filename="../../ui/settings/welcome.py" line="236"/>
        <source>Browse…</source>
        <translation>Telusuri…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/welcome.py" line="235"/>
        <location filename="../../ui/settings/welcome.py" line="246"/>
        <source>Calendar file</source>
        <translation>Berkas kalender</translation>
    </message>
    <message>
        <location filename="../../ui/settings/welcome.py" line="247"/>
        <source>Calendar files (*.ics)</source>
        <translation>Berkas kalender (*.ics)</translation>
    </message>
</context>
<context>
    <name>ColourButton</name>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="56"/>
        <source>Project colour</source>
        <translation>Warna proyek</translation>
    </message>
</context>
<context>
    <name>ContextCardPopup</name>
    <message>
        <location filename="../../ui/activity/dialogs.py" line="190"/>
        <location filename="../../ui/activity/dialogs.py" line="194"/>
        <source>Back to {project}</source>
        <translation>Kembali ke {project}</translation>
    </message>
    <message>
        <location filename="../../ui/activity/dialogs.py" line="198"/>
        <source>Where you stopped ({when}):</source>
        <translation>Terakhir berhenti ({when}):</translation>
    </message>
    <message>
        <location filename="../../ui/activity/dialogs.py" line="206"/>
        <source>Preparation for {batch}:</source>
        <translation>Persiapan untuk {batch}:</translation>
    </message>
    <message>
        <location filename="../../ui/activity/dialogs.py" line="212"/>
        <source>In the code when you left:</source>
        <translation>Di kode saat kamu pergi:</translation>
    </message>
    <message>
        <location filename="../../ui/activity/dialogs.py" line="218"/>
        <source>Got it</source>
        <translation>Mengerti</translation>
    </message>
</context>
<context>
    <name>EditHistoryWindow</name>
    <message>
        <location filename="../../ui/history/window.py" line="54"/>
        <source>Only this session</source>
        <translation>Hanya sesi ini</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="56"/>
        <source>Show only this session&apos;s changes</source>
        <translation>Tampilkan hanya perubahan sesi ini</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="64"/>
        <source>When</source>
        <translation>Kapan</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="64"/>
        <source>Who</source>
        <translation>Siapa</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="64"/>
        <source>Computer</source>
        <translation>Komputer</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="65"/>
        <source>What changed</source>
        <translation>Yang berubah</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="66"/>
        <source>Changes made to the past</source>
        <translation>Perubahan pada catatan yang sudah lewat</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="74"/>
        <source>The chosen change, field by field</source>
        <translation>Perubahan yang dipilih, per isian</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="76"/>
        <source>Shaded: a value another computer&apos;s newer change replaced. It is no longer in effect; to have it back, type it again (in Today or with fokus session edit).</source>
        <translation>Berlatar warna: nilai yang diganti oleh perubahan lebih baru dari komputer lain. Nilai itu tidak berlaku lagi; untuk memakainya kembali, ketik ulang (di Hari ini atau dengan fokus session edit).</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="83"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="84"/>
        <source>Close the edit history</source>
        <translation>Tutup riwayat perubahan</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="101"/>
        <source>session</source>
        <translation>sesi</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="101"/>
        <source>pause</source>
        <translation>jeda</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="102"/>
        <source>switch</source>
        <translation>perpindahan</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="102"/>
        <source>interruption</source>
        <translation>interupsi</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="103"/>
        <location filename="../../ui/history/window.py" line="109"/>
        <location filename="../../ui/history/window.py" line="110"/>
        <source>project</source>
        <translation>proyek</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="103"/>
        <location filename="../../ui/history/window.py" line="111"/>
        <source>batch</source>
        <translation>batch</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="104"/>
        <source>time block</source>
        <translation>blok waktu</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="104"/>
        <location filename="../../ui/history/window.py" line="113"/>
        <source>note</source>
        <translation>catatan</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="105"/>
        <source>reflection</source>
        <translation>refleksi</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="108"/>
        <location filename="../../ui/history/window.py" line="111"/>
        <source>start</source>
        <translation>mulai</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="108"/>
        <location filename="../../ui/history/window.py" line="112"/>
        <source>end</source>
        <translation>selesai</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="109"/>
        <source>time</source>
        <translation>waktu</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="110"/>
        <source>from project</source>
        <translation>dari proyek</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="112"/>
        <source>name</source>
        <translation>nama</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="112"/>
        <source>title</source>
        <translation>judul</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="113"/>
        <location filename="../../ui/history/window.py" line="116"/>
        <source>reason</source>
        <translation>alasan</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="114"/>
        <source>source</source>
        <translation>sumber</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="114"/>
        <source>kind</source>
        <translation>jenis</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="115"/>
        <source>minutes</source>
        <translation>menit</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="115"/>
        <source>satisfaction</source>
        <translation>kepuasan</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="116"/>
        <source>energy</source>
        <translation>energi</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="117"/>
        <source>colour</source>
        <translation>warna</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="117"/>
        <source>estimate</source>
        <translation>perkiraan</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="118"/>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="118"/>
        <source>due date</source>
        <translation>tenggat</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="150"/>
        <source>{entity} #{id}</source>
        <translation>{entity} #{id}</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="154"/>
        <source>{thing} ({project})</source>
        <translation>{thing} ({project})</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="157"/>
        <source>{thing} added</source>
        <translation>{thing} ditambahkan</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="159"/>
        <source>{thing} deleted</source>
        <translation>{thing} dihapus</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="160"/>
        <source>{field} {before} → {after}</source>
        <translation>{field} {before} → {after}</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="165"/>
        <source>{field} {lost} (now {kept})</source>
        <translation>{field} {lost} (kini {kept})</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="168"/>
        <source>{thing}: lost to another computer&apos;s newer change: {fields}</source>
        <translation>{thing}: kalah oleh perubahan lebih baru dari komputer lain: {fields}</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="169"/>
        <location filename="../../ui/history/window.py" line="171"/>
        <source>no field you see</source>
        <translation>tidak ada isian yang ditampilkan</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="170"/>
        <source>{thing} changed: {fields}</source>
        <translation>{thing} diubah: {fields}</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="173"/>
        <source>(undone)</source>
        <translation>(dibatalkan)</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="186"/>
        <source>Fokus — History of session #{id}</source>
        <translation>Fokus — Riwayat sesi #{id}</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="187"/>
        <source>Fokus — Edit history</source>
        <translation>Fokus — Riwayat perubahan</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="191"/>
        <source>Nothing in the past has been changed.</source>
        <translation>Belum ada catatan lampau yang diubah.</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="194"/>
        <source>{n} changes; {lost} of them values another computer&apos;s newer change replaced.</source>
        <translation>{n} perubahan; {lost} di antaranya nilai yang diganti oleh perubahan lebih baru dari komputer lain.</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="197"/>
        <source>{n} changes, newest first.</source>
        <translation>{n} perubahan, yang terbaru di atas.</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="225"/>
        <source>{when}, by {who} on {computer}:</source>
        <translation>{when}, oleh {who} di {computer}:</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/reports/export.py" line="85"/>
        <source>Export the weekly self-report</source>
        <translation>Ekspor laporan mandiri mingguan</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="97"/>
        <source>How your PIC knows you</source>
        <translation>Nama yang dikenal PIC Anda</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="100"/>
        <source>PDF, for people</source>
        <translation>PDF, untuk dibaca orang</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="101"/>
        <source>CSV, one row per day</source>
        <translation>CSV, satu baris per hari</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="102"/>
        <source>JSON, for tools and team reports</source>
        <translation>JSON, untuk alat dan laporan tim</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="109"/>
        <source>Include what helped and what got in the way</source>
        <translation>Sertakan apa yang membantu dan apa yang menghambat</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="110"/>
        <source>Include energy and burnout (health-like, private by default)</source>
        <translation>Sertakan energi dan burnout (bersifat kesehatan, privat secara bawaan)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="112"/>
        <source>Replace project names by codes (P1, P2, …)</source>
        <translation>Ganti nama proyek dengan kode (P1, P2, …)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="115"/>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="116"/>
        <source>Browse…</source>
        <translation>Telusuri…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="124"/>
        <source>Preview</source>
        <translation>Pratinjau</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="128"/>
        <source>Week:</source>
        <translation>Pekan:</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="129"/>
        <source>Your name:</source>
        <translation>Nama Anda:</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="130"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="131"/>
        <source>Folder:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="133"/>
        <source>&amp;Export and open the folder</source>
        <translation>&amp;Ekspor dan buka foldernya</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="143"/>
        <source>Exactly what leaves this computer:</source>
        <translation>Persis apa yang keluar dari komputer ini:</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="189"/>
        <source>Export folder</source>
        <translation>Folder ekspor</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="219"/>
        <source>Could not write {path}: {reason}</source>
        <translation>Tidak dapat menulis {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="225"/>
        <source>Written to {path}.</source>
        <translation>Ditulis ke {path}.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../ui/settings/welcome.py" line="283"/>
        <source>Fokus — Welcome</source>
        <translation>Fokus — Selamat datang</translation>
    </message>
    <message>
        <location filename="../../ui/settings/welcome.py" line="368"/>
        <source>Fokus</source>
        <translation>Fokus</translation>
    </message>
</context>
<context>
    <name>GitSwitchProposal</name>
    <message>
        <location filename="../../ui/activity/git_watch.py" line="217"/>
        <source>Switch to {project}?</source>
        <translation>Pindah ke {project}?</translation>
    </message>
    <message>
        <location filename="../../ui/activity/git_watch.py" line="219"/>
        <source>You are working in a repository of {what}. Switch to it?</source>
        <translation>Kamu sedang bekerja di repositori {what}. Pindah ke sana?</translation>
    </message>
    <message>
        <location filename="../../ui/activity/git_watch.py" line="221"/>
        <source>&amp;Switch</source>
        <translation>&amp;Pindah</translation>
    </message>
    <message>
        <location filename="../../ui/activity/git_watch.py" line="223"/>
        <source>&amp;Not now</source>
        <translation>&amp;Nanti saja</translation>
    </message>
</context>
<context>
    <name>GnomeShortcutsRow</name>
    <message>
        <location filename="../../ui/settings/gnome_shortcuts.py" line="73"/>
        <source>Remove from GNOME&apos;s keyboard shortcuts</source>
        <translation>Hapus dari pintasan keyboard GNOME</translation>
    </message>
    <message>
        <location filename="../../ui/settings/gnome_shortcuts.py" line="74"/>
        <source>In GNOME&apos;s keyboard shortcuts: {keys}</source>
        <translation>Di pintasan keyboard GNOME: {keys}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/gnome_shortcuts.py" line="77"/>
        <source>Add to GNOME&apos;s keyboard shortcuts…</source>
        <translation>Tambahkan ke pintasan keyboard GNOME…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/gnome_shortcuts.py" line="78"/>
        <source>GNOME on Wayland lets no program grab keys; GNOME itself can run Fokus&apos;s hotkeys.</source>
        <translation>GNOME di Wayland tidak mengizinkan program menangkap tombol; GNOME sendiri dapat menjalankan tombol pintas Fokus.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/gnome_shortcuts.py" line="89"/>
        <source>GNOME&apos;s settings could not be changed: {reason}</source>
        <translation>Pengaturan GNOME tidak dapat diubah: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/gnome_shortcuts.py" line="104"/>
        <source>Add to GNOME&apos;s keyboard shortcuts?</source>
        <translation>Tambahkan ke pintasan keyboard GNOME?</translation>
    </message>
    <message>
        <location filename="../../ui/settings/gnome_shortcuts.py" line="105"/>
        <source>Fokus will add these to GNOME&apos;s keyboard shortcuts (Settings ▸ Keyboard ▸ Custom Shortcuts), where you can change or remove them:

{keys}</source>
        <translation>Fokus akan menambahkan ini ke pintasan keyboard GNOME (Pengaturan ▸ Keyboard ▸ Pintasan Khusus), tempat Anda dapat mengubah atau menghapusnya:

{keys}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/gnome_shortcuts.py" line="117"/>
        <source>Some keys are taken</source>
        <translation>Beberapa tombol sudah dipakai</translation>
    </message>
    <message>
        <location filename="../../ui/settings/gnome_shortcuts.py" line="118"/>
        <source>GNOME already uses these, so Fokus left them out; choose other keys above and add them again:

{taken}</source>
        <translation>GNOME sudah memakai tombol ini, jadi Fokus melewatkannya; pilih tombol lain di atas lalu tambahkan lagi:

{taken}</translation>
    </message>
</context>
<context>
    <name>GoalsWidget</name>
    <message>
        <location filename="../../ui/activity/goals_widget.py" line="74"/>
        <source>Breaks today: {taken} of {suggested} taken in full ({minutes} min of rest)</source>
        <translation>Istirahat hari ini: {taken} dari {suggested} diambil penuh ({minutes} menit rehat)</translation>
    </message>
    <message>
        <location filename="../../ui/activity/goals_widget.py" line="80"/>
        <source>Deep work today {done} of {cap}</source>
        <translation>Kerja mendalam hari ini {done} dari {cap}</translation>
    </message>
    <message>
        <location filename="../../ui/activity/goals_widget.py" line="83"/>
        <source>{over} past the daily cap: rest counts too</source>
        <translation>lewat {over} dari batas harian: istirahat juga penting</translation>
    </message>
    <message>
        <location filename="../../ui/activity/goals_widget.py" line="91"/>
        <source>This week {done} of {goal}</source>
        <translation>Pekan ini {done} dari {goal}</translation>
    </message>
    <message>
        <location filename="../../ui/activity/goals_widget.py" line="94"/>
        <source>goal met</source>
        <translation>target tercapai</translation>
    </message>
    <message>
        <location filename="../../ui/activity/goals_widget.py" line="96"/>
        <source>This week {done}: no weekly goal (no remote day in the work model)</source>
        <translation>Pekan ini {done}: tanpa target pekanan (tidak ada hari WFA di model kerja)</translation>
    </message>
    <message>
        <location filename="../../ui/activity/goals_widget.py" line="101"/>
        <source>The daily cap of 4 h: Newport, Deep Work (2016), after Ericsson et al. (1993).</source>
        <translation>Batas harian 4 jam: Newport, Deep Work (2016), mengacu pada Ericsson dkk. (1993).</translation>
    </message>
    <message>
        <location filename="../../ui/activity/goals_widget.py" line="103"/>
        <source>The daily cap is your own (Settings).</source>
        <translation>Batas harian ini Anda tetapkan sendiri (Pengaturan).</translation>
    </message>
    <message>
        <location filename="../../ui/activity/goals_widget.py" line="104"/>
        <source>The weekly goal: the no-meeting windows of your remote days.</source>
        <translation>Target pekanan: jam bebas rapat pada hari WFA Anda.</translation>
    </message>
    <message>
        <location filename="../../ui/activity/goals_widget.py" line="105"/>
        <source>The weekly goal is your own (Settings).</source>
        <translation>Target pekanan ini Anda tetapkan sendiri (Pengaturan).</translation>
    </message>
</context>
<context>
    <name>InsightsWindow</name>
    <message>
        <location filename="../../ui/reports/insights.py" line="363"/>
        <source>Fokus — Insights</source>
        <translation>Fokus — Wawasan</translation>
    </message>
    <message>
        <location filename="../../ui/reports/insights.py" line="382"/>
        <location filename="../../ui/reports/insights.py" line="551"/>
        <source>Drawing the charts…</source>
        <translation>Menggambar grafik…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/insights.py" line="468"/>
        <source>Week {n}, {year}</source>
        <translation>Pekan {n}, {year}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/insights.py" line="472"/>
        <source>{deep} min of deep work ({share} % in no-meeting windows) · {long} sessions of 60+ min without interruption · {sw} switches and {it} interruptions a day · satisfaction {sat} · energy {energy} (private)</source>
        <translation>{deep} menit kerja mendalam ({share} % di jam bebas rapat) · {long} sesi 60+ menit tanpa interupsi · {sw} perpindahan dan {it} interupsi per hari · kepuasan {sat} · energi {energy} (privat)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/insights.py" line="482"/>
        <source> · sessions changed after the fact: {added} added, {edited} edited</source>
        <translation> · sesi yang diubah belakangan: {added} ditambahkan, {edited} diubah</translation>
    </message>
    <message>
        <location filename="../../ui/reports/insights.py" line="492"/>
        <source>{n} context switches</source>
        <translation>{n} perpindahan konteks</translation>
    </message>
    <message>
        <location filename="../../ui/reports/insights.py" line="509"/>
        <source>no weekly goal (no remote day)</source>
        <translation>tanpa target pekanan (tidak ada hari WFA)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/insights.py" line="511"/>
        <source>weekly goal of {goal} min met, {n} min over</source>
        <translation>target pekanan {goal} menit tercapai, lebih {n} menit</translation>
    </message>
    <message>
        <location filename="../../ui/reports/insights.py" line="515"/>
        <source>weekly goal of {goal} min not met, {n} min short</source>
        <translation>target pekanan {goal} menit belum tercapai, kurang {n} menit</translation>
    </message>
    <message>
        <location filename="../../ui/reports/insights.py" line="518"/>
        <source>{met} · breaks: {taken} of {suggested} taken in full, {skipped} skipped, {rest} of {planned} min of rest</source>
        <translation>{met} · istirahat: {taken} dari {suggested} diambil penuh, {skipped} dilewati, {rest} dari {planned} menit rehat</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <location filename="../../ui/settings/welcome.py" line="72"/>
        <source>Welcome to Fokus</source>
        <translation>Selamat datang di Fokus</translation>
    </message>
    <message>
        <location filename="../../ui/settings/welcome.py" line="73"/>
        <source>A few questions, a minute or two. You can change every answer later in Settings.</source>
        <translation>Beberapa pertanyaan, satu atau dua menit. Semua jawaban dapat diubah nanti di Pengaturan.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/welcome.py" line="76"/>
        <source>Which language should Fokus speak?</source>
        <translation>Bahasa apa yang dipakai Fokus?</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/shell/main_window.py" line="173"/>
        <location filename="../../ui/shell/main_window.py" line="224"/>
        <source>Fokus</source>
        <translation>Fokus</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="174"/>
        <source>Start focus</source>
        <translation>Mulai fokus</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="175"/>
        <source>Switch to</source>
        <translation>Pindah ke</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="176"/>
        <source>Log interruption</source>
        <translation>Catat interupsi</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="177"/>
        <source>Focus length</source>
        <translation>Lama fokus</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="178"/>
        <source>Stop</source>
        <translation>Hentikan</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="179"/>
        <source>Snooze 5 minutes</source>
        <translation>Tunda 5 menit</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="180"/>
        <source>Skip break</source>
        <translation>Lewati istirahat</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="181"/>
        <source>Quit Fokus</source>
        <translation>Keluar dari Fokus</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="185"/>
        <source>No system tray was found, so Fokus runs in this window; closing it only minimises it. If your desktop has a tray extension, enable it and the Fokus icon will appear there.</source>
        <translation>Baki sistem tidak ditemukan, jadi Fokus berjalan di jendela ini; menutupnya hanya meminimalkannya. Jika desktop Anda punya ekstensi baki, aktifkan, lalu ikon Fokus akan muncul di sana.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="203"/>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="207"/>
        <source>No focus session</source>
        <translation>Tidak ada sesi fokus</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="209"/>
        <source>Paused: {title} · {left} min left</source>
        <translation>Dijeda: {title} · sisa {left} menit</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="212"/>
        <source>Focusing: {title} · {left} min left</source>
        <translation>Fokus: {title} · sisa {left} menit</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="215"/>
        <source>Resume</source>
        <translation>Lanjutkan</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="215"/>
        <source>Pause</source>
        <translation>Jeda</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="244"/>
        <source>Quit Fokus?</source>
        <translation>Keluar dari Fokus?</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="245"/>
        <source>A focus session on {title} is running. Quitting stops it and keeps the time focused so far.</source>
        <translation>Sesi fokus pada {title} sedang berjalan. Keluar akan menghentikannya dan menyimpan waktu fokus sejauh ini.</translation>
    </message>
</context>
<context>
    <name>ModelPage</name>
    <message>
        <location filename="../../ui/settings/welcome.py" line="171"/>
        <source>Your hybrid week</source>
        <translation>Pekan hibrida Anda</translation>
    </message>
    <message>
        <location filename="../../ui/settings/welcome.py" line="172"/>
        <source>Fokus starts from a model that worked for programmers with several projects (a study of civil-servant programmers).</source>
        <translation>Fokus berangkat dari model yang berhasil bagi programmer dengan banyak proyek (studi terhadap ASN Programmer).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/welcome.py" line="175"/>
        <source>&amp;Edit the model…</source>
        <translation>&amp;Ubah modelnya…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/welcome.py" line="200"/>
        <source>&lt;p&gt;&lt;b&gt;Week:&lt;/b&gt; {days}.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Deep work&lt;/b&gt; in the no-meeting windows {windows}, remote days first.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Core hours&lt;/b&gt; {core} for coordination: stand-ups, planning, reviews, pair programming — office days first.&lt;/p&gt;&lt;p&gt;At most {limit} projects a day; blocks of {length} minutes.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Pekan:&lt;/b&gt; {days}.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Kerja mendalam&lt;/b&gt; di jam bebas rapat {windows}, hari WFA lebih dulu.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Jam inti&lt;/b&gt; {core} untuk koordinasi: stand-up, perencanaan, tinjauan, pair programming — hari WFO lebih dulu.&lt;/p&gt;&lt;p&gt;Paling banyak {limit} proyek sehari; blok {length} menit.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>OverlapQuestion</name>
    <message>
        <location filename="../../ui/activity/history_dialogs.py" line="106"/>
        <source>Sessions overlap</source>
        <translation>Sesi bertumpang tindih</translation>
    </message>
    <message>
        <location filename="../../ui/activity/history_dialogs.py" line="109"/>
        <source>Trim the other session so that the two no longer overlap, or cancel the edit.</source>
        <translation>Pangkas sesi yang lain agar keduanya tidak lagi bertumpang tindih, atau batalkan perubahan.</translation>
    </message>
    <message>
        <location filename="../../ui/activity/history_dialogs.py" line="110"/>
        <source>Trim the other</source>
        <translation>Pangkas yang lain</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <location filename="../../ui/settings/welcome.py" line="211"/>
        <source>Your privacy</source>
        <translation>Privasi Anda</translation>
    </message>
    <message>
        <location filename="../../ui/settings/welcome.py" line="214"/>
        <source>&lt;p&gt;Everything Fokus keeps stays on this computer. Nothing is sent anywhere; a weekly report leaves only when you export it, after you have seen exactly what it contains.&lt;/p&gt;&lt;p&gt;Fokus never records which keys you press and never takes screenshots. To notice that you are away it keeps only the time of your last input.&lt;/p&gt;&lt;p&gt;Energy and burnout answers are private: they appear in a report only if you include them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Semua yang disimpan Fokus tetap di komputer ini. Tidak ada yang dikirim ke mana pun; laporan mingguan keluar hanya saat Anda mengekspornya, setelah Anda melihat persis isinya.&lt;/p&gt;&lt;p&gt;Fokus tidak pernah merekam tombol yang Anda tekan dan tidak pernah mengambil tangkapan layar. Untuk mengetahui Anda sedang pergi, Fokus hanya menyimpan kapan terakhir Anda memakai papan ketik atau tetikus.&lt;/p&gt;&lt;p&gt;Jawaban energi dan burnout bersifat privat: hanya muncul di laporan jika Anda menyertakannya.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/settings/welcome.py" line="221"/>
        <source>Notice project switches from the window in front (only the matched project is kept; off by default)</source>
        <translation>Deteksi perpindahan proyek dari jendela yang aktif (hanya proyek yang cocok yang disimpan; mati secara bawaan)</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="101"/>
        <source>Edit project</source>
        <translation>Ubah proyek</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="101"/>
        <source>New project</source>
        <translation>Proyek baru</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="103"/>
        <source>e.g. SIASN</source>
        <translation>mis. SIASN</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="107"/>
        <source>e.g. Java, Go, PostgreSQL</source>
        <translation>mis. Java, Go, PostgreSQL</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="108"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="109"/>
        <source>&amp;Colour:</source>
        <translation>&amp;Warna:</translation>
    </message>
    <message>
        <location filename="../../ui/projects/dialogs.py" line="110"/>
        <source>&amp;Tech stack:</source>
        <translation>&amp;Teknologi:</translation>
    </message>
</context>
<context>
    <name>ProjectsPage</name>
    <message>
        <location filename="../../ui/settings/welcome.py" line="93"/>
        <location filename="../../ui/settings/welcome.py" line="97"/>
        <source>Your projects</source>
        <translation>Proyek Anda</translation>
    </message>
    <message>
        <location filename="../../ui/settings/welcome.py" line="94"/>
        <source>The projects you work on this month, e.g. SIASN, MyASN, SIMPEGNAS.</source>
        <translation>Proyek yang Anda kerjakan bulan ini, mis. SIASN, MyASN, SIMPEGNAS.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/welcome.py" line="99"/>
        <location filename="../../ui/settings/welcome.py" line="100"/>
        <source>Project name</source>
        <translation>Nama proyek</translation>
    </message>
    <message>
        <location filename="../../ui/settings/welcome.py" line="102"/>
        <location filename="../../ui/settings/welcome.py" line="103"/>
        <source>Tech stack (optional)</source>
        <translation>Teknologi (opsional)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/welcome.py" line="104"/>
        <source>&amp;Add</source>
        <translation>&amp;Tambah</translation>
    </message>
    <message>
        <location filename="../../ui/settings/welcome.py" line="112"/>
        <source>Fill Fokus with demo data to look around first (projects, a planned week, weeks of history)</source>
        <translation>Isi Fokus dengan data demo untuk melihat-lihat dulu (proyek, pekan yang terencana, riwayat beberapa pekan)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/welcome.py" line="116"/>
        <source>Add at least one project: type its name and press Enter. Or fill Fokus with the demo data below.</source>
        <translation>Tambahkan setidaknya satu proyek: ketik namanya lalu tekan Enter. Atau isi Fokus dengan data demo di bawah.</translation>
    </message>
</context>
<context>
    <name>ProjectsWindow</name>
    <message>
        <location filename="../../ui/projects/window.py" line="103"/>
        <source>Fokus — Projects &amp; batches</source>
        <translation>Fokus — Proyek &amp; batch</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="114"/>
        <source>Show archived</source>
        <translation>Tampilkan arsip</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="116"/>
        <source>&amp;Add project…</source>
        <translation>&amp;Tambah proyek…</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="118"/>
        <source>Edit…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="120"/>
        <location filename="../../ui/projects/window.py" line="324"/>
        <source>Archive</source>
        <translation>Arsipkan</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="111"/>
        <location filename="../../ui/projects/window.py" line="125"/>
        <source>Projects</source>
        <translation>Proyek</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="142"/>
        <source>Batches of the chosen project</source>
        <translation>Batch dari proyek yang dipilih</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="145"/>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="145"/>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="145"/>
        <source>Estimate</source>
        <translation>Estimasi</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="145"/>
        <source>Urgency</source>
        <translation>Urgensi</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="146"/>
        <source>Due</source>
        <translation>Tenggat</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="146"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="158"/>
        <source>Show done</source>
        <translation>Tampilkan yang selesai</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="160"/>
        <source>Add &amp;batch…</source>
        <translation>Tambah &amp;batch…</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="162"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Ubah…</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="164"/>
        <location filename="../../ui/projects/window.py" line="329"/>
        <source>Mark &amp;done</source>
        <translation>Tandai &amp;selesai</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="221"/>
        <location filename="../../ui/projects/window.py" line="227"/>
        <location filename="../../ui/projects/window.py" line="409"/>
        <source>Fokus</source>
        <translation>Fokus</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="259"/>
        <source>{name} (archived)</source>
        <translation>{name} (diarsipkan)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="277"/>
        <source>No project yet</source>
        <translation>Belum ada proyek</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="278"/>
        <source>Add your first project on the left.</source>
        <translation>Tambahkan proyek pertama Anda di sebelah kiri.</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="281"/>
        <source>Batches of {name}</source>
        <translation>Batch {name}</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="292"/>
        <source>{n} min</source>
        <translation>{n} menit</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="296"/>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="296"/>
        <source>Open</source>
        <translation>Terbuka</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="313"/>
        <source>No open batches. Add a batch (“Add batch…”) so Fokus can plan it into your week.</source>
        <translation>Belum ada batch terbuka. Tambahkan batch (“Tambah batch…”) agar Fokus dapat menjadwalkannya dalam pekan Anda.</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="323"/>
        <source>Restore</source>
        <translation>Pulihkan</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="328"/>
        <source>Reopen</source>
        <translation>Buka lagi</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="331"/>
        <source>Preparation: {note}</source>
        <translation>Persiapan: {note}</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="364"/>
        <source>Archive project</source>
        <translation>Arsipkan proyek</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="365"/>
        <source>Archive {name}? Its history stays; it leaves the menus.</source>
        <translation>Arsipkan {name}? Riwayatnya tetap ada; proyek ini hilang dari menu.</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="410"/>
        <source>Pick a project to focus on first.</source>
        <translation>Pilih dulu proyek yang akan difokuskan.</translation>
    </message>
</context>
<context>
    <name>ReflectionDialog</name>
    <message>
        <location filename="../../ui/reports/reflection.py" line="75"/>
        <source>Reflect on {day}</source>
        <translation>Refleksi {day}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="79"/>
        <source>How was {day}?</source>
        <translation>Bagaimana hari {day}?</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="84"/>
        <source>&lt;b&gt;{focus} min&lt;/b&gt; of focus — {inside} min inside no-meeting windows, {outside} min outside · {done}, {abandoned} stopped early · {switches} · {interruptions}</source>
        <translation>&lt;b&gt;{focus} menit&lt;/b&gt; fokus — {inside} menit di jam bebas rapat, {outside} menit di luarnya · {done}, {abandoned} dihentikan lebih awal · {switches} · {interruptions}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="89"/>
        <source>&lt;b&gt;1&lt;/b&gt; session completed</source>
        <translation>&lt;b&gt;1&lt;/b&gt; sesi selesai</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="90"/>
        <source>&lt;b&gt;{n}&lt;/b&gt; sessions completed</source>
        <translation>&lt;b&gt;{n}&lt;/b&gt; sesi selesai</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="92"/>
        <source>&lt;b&gt;1&lt;/b&gt; context switch</source>
        <translation>&lt;b&gt;1&lt;/b&gt; perpindahan konteks</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="93"/>
        <source>&lt;b&gt;{n}&lt;/b&gt; context switches</source>
        <translation>&lt;b&gt;{n}&lt;/b&gt; perpindahan konteks</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="94"/>
        <source>&lt;b&gt;1&lt;/b&gt; interruption</source>
        <translation>&lt;b&gt;1&lt;/b&gt; interupsi</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="95"/>
        <source>&lt;b&gt;{n}&lt;/b&gt; interruptions</source>
        <translation>&lt;b&gt;{n}&lt;/b&gt; interupsi</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="100"/>
        <source>poor</source>
        <translation>buruk</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="100"/>
        <source>great</source>
        <translation>sangat baik</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="102"/>
        <source>drained</source>
        <translation>terkuras</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="102"/>
        <source>energetic</source>
        <translation>berenergi</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="104"/>
        <source>scattered</source>
        <translation>terpecah</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="104"/>
        <source>focused</source>
        <translation>terfokus</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="106"/>
        <source>much less</source>
        <translation>jauh lebih sedikit</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="106"/>
        <source>much more</source>
        <translation>jauh lebih banyak</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="114"/>
        <location filename="../../ui/reports/reflection.py" line="120"/>
        <source>not at all</source>
        <translation>sama sekali tidak</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="114"/>
        <source>completely</source>
        <translation>sepenuhnya</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="121"/>
        <source>once</source>
        <translation>sekali</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="122"/>
        <source>several times</source>
        <translation>beberapa kali</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="131"/>
        <location filename="../../ui/reports/reflection.py" line="133"/>
        <source>optional</source>
        <translation>opsional</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="135"/>
        <source>&amp;Satisfaction with today&apos;s work:</source>
        <translation>&amp;Kepuasan atas kerja hari ini:</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="136"/>
        <source>&amp;Energy (private unless you share it):</source>
        <translation>&amp;Energi (privat kecuali Anda bagikan):</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="137"/>
        <source>Ability to &amp;focus and avoid interruptions:</source>
        <translation>Kemampuan untuk &amp;fokus dan menghindari interupsi:</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="138"/>
        <source>&amp;Productivity against a usual day (4 = usual):</source>
        <translation>&amp;Produktivitas dibanding hari biasa (4 = biasa):</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="140"/>
        <source>This week, how &amp;worn out by work do you feel? (weekly, private)</source>
        <translation>Pekan ini, seberapa &amp;lelah karena pekerjaan? (mingguan, pribadi)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="142"/>
        <source>Were you in &amp;flow today?</source>
        <translation>Apakah Anda mengalami &amp;flow hari ini?</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="143"/>
        <source>What &amp;helped?</source>
        <translation>Apa yang &amp;membantu?</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="144"/>
        <source>What got in the &amp;way?</source>
        <translation>Apa yang &amp;menghambat?</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="145"/>
        <source>Keys: Tab moves between questions, arrows or digits choose, Enter saves.</source>
        <translation>Tombol: Tab berpindah antarpertanyaan, panah atau angka untuk memilih, Enter menyimpan.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="152"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="154"/>
        <source>Snooze 15 min</source>
        <translation>Tunda 15 menit</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reflection.py" line="155"/>
        <source>Skip today</source>
        <translation>Lewati hari ini</translation>
    </message>
</context>
<context>
    <name>RepositoriesPanel</name>
    <message>
        <location filename="../../ui/projects/repos.py" line="34"/>
        <source>Repositories</source>
        <translation>Repositori</translation>
    </message>
    <message>
        <location filename="../../ui/projects/repos.py" line="36"/>
        <source>Git working trees of this project: Fokus notices work in them and shows where you stopped in the code.</source>
        <translation>Working tree git proyek ini: Fokus memperhatikan pekerjaan di sana dan menunjukkan di mana kamu berhenti di kode.</translation>
    </message>
    <message>
        <location filename="../../ui/projects/repos.py" line="42"/>
        <source>Repositories of the project</source>
        <translation>Repositori proyek</translation>
    </message>
    <message>
        <location filename="../../ui/projects/repos.py" line="45"/>
        <source>Add &amp;folder…</source>
        <translation>Tambah &amp;folder…</translation>
    </message>
    <message>
        <location filename="../../ui/projects/repos.py" line="47"/>
        <source>&amp;Remove</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <location filename="../../ui/projects/repos.py" line="76"/>
        <source>(branches {pattern} → batch {batch})</source>
        <translation>(branch {pattern} → batch {batch})</translation>
    </message>
    <message>
        <location filename="../../ui/projects/repos.py" line="94"/>
        <source>The repository&apos;s folder for {project}</source>
        <translation>Folder repositori untuk {project}</translation>
    </message>
    <message>
        <location filename="../../ui/projects/repos.py" line="101"/>
        <location filename="../../ui/projects/repos.py" line="116"/>
        <source>Fokus</source>
        <translation>Fokus</translation>
    </message>
    <message>
        <location filename="../../ui/projects/repos.py" line="102"/>
        <source>{path} is not a git working tree, or it belongs to another project.</source>
        <translation>{path} bukan working tree git, atau sudah milik proyek lain.</translation>
    </message>
</context>
<context>
    <name>ResumeNotePrompt</name>
    <message>
        <location filename="../../ui/activity/dialogs.py" line="95"/>
        <source>Leaving {project}</source>
        <translation>Meninggalkan {project}</translation>
    </message>
    <message>
        <location filename="../../ui/activity/dialogs.py" line="99"/>
        <source>Where did you stop on {project}, and what is the next step?</source>
        <translation>Sampai mana Anda di {project}, dan apa langkah berikutnya?</translation>
    </message>
    <message>
        <location filename="../../ui/activity/dialogs.py" line="104"/>
        <source>e.g. tests for the mapper pass; next: the edge case</source>
        <translation>mis. tes untuk mapper lolos; berikutnya: kasus tepi</translation>
    </message>
    <message>
        <location filename="../../ui/activity/dialogs.py" line="111"/>
        <source>&amp;Keep note</source>
        <translation>&amp;Simpan catatan</translation>
    </message>
    <message>
        <location filename="../../ui/activity/dialogs.py" line="113"/>
        <source>&amp;Skip</source>
        <translation>&amp;Lewati</translation>
    </message>
    <message>
        <location filename="../../ui/activity/dialogs.py" line="122"/>
        <source>Flow in this session:</source>
        <translation>Flow di sesi ini:</translation>
    </message>
    <message>
        <location filename="../../ui/activity/dialogs.py" line="133"/>
        <source>(1 = none, 5 = deep flow)</source>
        <translation>(1 = tidak ada, 5 = flow mendalam)</translation>
    </message>
    <message>
        <location filename="../../ui/activity/dialogs.py" line="140"/>
        <source>What made you switch?</source>
        <translation>Apa yang membuat Anda berpindah?</translation>
    </message>
</context>
<context>
    <name>RuleRow</name>
    <message>
        <location filename="../../ui/settings/window.py" line="144"/>
        <source>match on</source>
        <translation>cocokkan pada</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="146"/>
        <source>pattern</source>
        <translation>pola</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="148"/>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="159"/>
        <source>Rule {number}:</source>
        <translation>Aturan {number}:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="161"/>
        <source>Rule {number}: project</source>
        <translation>Aturan {number}: proyek</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="162"/>
        <source>Rule {number}: match on</source>
        <translation>Aturan {number}: cocokkan pada</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="163"/>
        <source>Rule {number}: pattern</source>
        <translation>Aturan {number}: pola</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="166"/>
        <source>Remove rule {number}</source>
        <translation>Hapus aturan {number}</translation>
    </message>
</context>
<context>
    <name>SessionEditDialog</name>
    <message>
        <location filename="../../ui/activity/history_dialogs.py" line="42"/>
        <source>Add a session</source>
        <translation>Tambah sesi</translation>
    </message>
    <message>
        <location filename="../../ui/activity/history_dialogs.py" line="42"/>
        <source>Edit session</source>
        <translation>Ubah sesi</translation>
    </message>
    <message>
        <location filename="../../ui/activity/history_dialogs.py" line="64"/>
        <source>This session is still running: only its project and batch can change until it ends.</source>
        <translation>Sesi ini masih berjalan: hanya proyek dan batch-nya yang bisa diubah sampai sesi berakhir.</translation>
    </message>
    <message>
        <location filename="../../ui/activity/history_dialogs.py" line="68"/>
        <source>Start</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <location filename="../../ui/activity/history_dialogs.py" line="69"/>
        <source>End</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../ui/activity/history_dialogs.py" line="70"/>
        <source>Project</source>
        <translation>Proyek</translation>
    </message>
    <message>
        <location filename="../../ui/activity/history_dialogs.py" line="71"/>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../ui/activity/history_dialogs.py" line="80"/>
        <source>No batch</source>
        <translation>Tanpa batch</translation>
    </message>
</context>
<context>
    <name>SessionPanel</name>
    <message>
        <location filename="../../ui/projects/window.py" line="62"/>
        <source>Start focus</source>
        <translation>Mulai fokus</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="64"/>
        <location filename="../../ui/projects/window.py" line="85"/>
        <location filename="../../ui/projects/window.py" line="93"/>
        <source>Pause</source>
        <translation>Jeda</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="65"/>
        <source>Stop</source>
        <translation>Hentikan</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="82"/>
        <source>No focus session</source>
        <translation>Tidak ada sesi fokus</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="83"/>
        <source>Pick a project or batch below, then start: {n} min.</source>
        <translation>Pilih proyek atau batch di bawah, lalu mulai: {n} menit.</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="88"/>
        <source>Paused: {title}</source>
        <translation>Dijeda: {title}</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="89"/>
        <source>Focusing: {title}</source>
        <translation>Fokus: {title}</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="91"/>
        <source>{left} of {planned} min left</source>
        <translation>sisa {left} dari {planned} menit</translation>
    </message>
    <message>
        <location filename="../../ui/projects/window.py" line="93"/>
        <source>Resume</source>
        <translation>Lanjutkan</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings/window.py" line="189"/>
        <source>Fokus — Settings</source>
        <translation>Fokus — Pengaturan</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="199"/>
        <source>General</source>
        <translation>Umum</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="200"/>
        <source>Work week</source>
        <translation>Pekan kerja</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="201"/>
        <source>Task allocation</source>
        <translation>Alokasi tugas</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="202"/>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="203"/>
        <source>Activity &amp;&amp; privacy</source>
        <translation>Aktivitas &amp;&amp; privasi</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="208"/>
        <source>Sync</source>
        <translation>Sinkronisasi</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="223"/>
        <source>Reading the calendar</source>
        <translation>Membaca kalender</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="294"/>
        <source>Start Fokus when I log in</source>
        <translation>Jalankan Fokus saat saya masuk</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="296"/>
        <source>Autostart:</source>
        <translation>Mulai otomatis:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="297"/>
        <source>Run the welcome guide again…</source>
        <translation>Jalankan panduan pembuka lagi…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="304"/>
        <source>A new language applies to windows opened after saving.</source>
        <translation>Bahasa baru berlaku untuk jendela yang dibuka setelah disimpan.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="332"/>
        <source>Week pattern:</source>
        <translation>Pola pekan:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="341"/>
        <source>Lunch break on {day}: from</source>
        <translation>Istirahat makan siang hari {day}: mulai</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="342"/>
        <source>Lunch break on {day}: until</source>
        <translation>Istirahat makan siang hari {day}: sampai</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="346"/>
        <source>Lunch break (kept free):</source>
        <translation>Istirahat siang (dibiarkan kosong):</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="348"/>
        <source>The planner puts nothing here. Friday&apos;s is longer for Friday prayers. Set the same start and end for a day without one.</source>
        <translation>Perencana tidak menaruh apa pun di sini. Hari Jumat lebih panjang untuk salat Jumat. Samakan jam mulai dan selesai untuk hari tanpa istirahat siang.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="353"/>
        <source>Work hours</source>
        <translation>Jam kerja</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="354"/>
        <source>Core hours</source>
        <translation>Jam inti</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="355"/>
        <source>Work hours:</source>
        <translation>Jam kerja:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="356"/>
        <source>Core hours (coordination):</source>
        <translation>Jam inti (koordinasi):</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="361"/>
        <source>Add a window</source>
        <translation>Tambah rentang</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="363"/>
        <source>Remove the last</source>
        <translation>Hapus yang terakhir</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="372"/>
        <source>No-meeting windows (deep work):</source>
        <translation>Jam bebas rapat (kerja mendalam):</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="377"/>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="377"/>
        <source>This day is</source>
        <translation>Hari ini adalah</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="381"/>
        <source>Exceptions for single dates</source>
        <translation>Pengecualian untuk tanggal tertentu</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="387"/>
        <source>Date of the exception</source>
        <translation>Tanggal pengecualian</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="392"/>
        <source>What the exception makes of the day</source>
        <translation>Jenis hari untuk pengecualian ini</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="393"/>
        <source>Add exception</source>
        <translation>Tambah pengecualian</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="397"/>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="399"/>
        <source>Makes the day:</source>
        <translation>Menjadikan hari itu:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="416"/>
        <source>Exceptions for single dates:</source>
        <translation>Pengecualian untuk tanggal tertentu:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="426"/>
        <source>No-meeting window {number}</source>
        <translation>Jendela tanpa rapat {number}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="488"/>
        <source>Task type</source>
        <translation>Jenis tugas</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="488"/>
        <source>Best place</source>
        <translation>Tempat terbaik</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="489"/>
        <source>Best time</source>
        <translation>Waktu terbaik</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="778"/>
        <source>Reading the calendar {file}…</source>
        <translation>Membaca kalender {file}…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="485"/>
        <source>Allocation matrix</source>
        <translation>Matriks alokasi</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="503"/>
        <source>{task}: best place</source>
        <translation>{task}: tempat terbaik</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="505"/>
        <source>{task}: best time</source>
        <translation>{task}: waktu terbaik</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="513"/>
        <source>in</source>
        <translation>pada</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="521"/>
        <source>Reset to the defaults</source>
        <translation>Kembalikan ke bawaan</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="524"/>
        <source>Where the defaults come from: programmers in the study did tasks of high cognitive load (coding, debugging, technology research) best on remote days, in long undisturbed stretches; tasks that need people together (pair programming, sprint planning, retrospectives, reviews, design thinking) best in the office, in core hours. The planner follows this table; change it to fit your team.</source>
        <translation>Asal nilai bawaan: programmer dalam studi mengerjakan tugas dengan beban kognitif tinggi (pemrograman, debugging, riset teknologi) paling baik pada hari WFA, dalam waktu panjang tanpa gangguan; tugas yang membutuhkan kebersamaan (pair programming, perencanaan sprint, retrospektif, tinjauan, design thinking) paling baik di kantor, pada jam inti. Perencana mengikuti tabel ini; ubah agar sesuai dengan tim Anda.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="564"/>
        <source>Fokus reads meetings from this file (Google, Outlook or Apple calendar export) and imports it again whenever it changes. Meetings are kept only on this machine.</source>
        <translation>Fokus membaca rapat dari berkas ini (ekspor kalender Google, Outlook, atau Apple) dan mengimpornya lagi setiap kali berubah. Rapat hanya disimpan di komputer ini.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="578"/>
        <source>Idle detection:</source>
        <translation>Deteksi tidak aktif:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="583"/>
        <source>Global hotkeys:</source>
        <translation>Pintasan global:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="595"/>
        <source>Notice switches from the window in front (off unless you turn it on)</source>
        <translation>Deteksi perpindahan dari jendela yang aktif (mati kecuali Anda nyalakan)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="599"/>
        <source> s</source>
        <translation> detik</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="602"/>
        <source>Seconds in front before a switch counts</source>
        <translation>Detik di depan sebelum perpindahan dihitung</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="606"/>
        <source>Rules for automatic switches</source>
        <translation>Aturan perpindahan otomatis</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="610"/>
        <source>Window class</source>
        <translation>Kelas jendela</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="611"/>
        <source>Words in the title</source>
        <translation>Kata di judul</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="612"/>
        <source>Folder in the title</source>
        <translation>Folder di judul</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="616"/>
        <source>Add rule</source>
        <translation>Tambah aturan</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="622"/>
        <source>Privacy: Fokus never records which keys you press and never takes screenshots. Idle detection keeps only the time of your last input. Automatic switches look at the window in front, keep only the project it matches, and forget the window&apos;s title. Everything stays on this computer.</source>
        <translation>Privasi: Fokus tidak pernah merekam tombol yang Anda tekan dan tidak pernah mengambil tangkapan layar. Deteksi tidak aktif hanya menyimpan kapan terakhir Anda memakai papan ketik atau tetikus. Perpindahan otomatis melihat jendela yang aktif, hanya menyimpan proyek yang cocok, dan melupakan judul jendelanya. Semuanya tetap di komputer ini.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="632"/>
        <source>Count a switch after the window stays in front for</source>
        <translation>Hitung perpindahan setelah jendela aktif selama</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="663"/>
        <source>not known (the tray is not watching activity)</source>
        <translation>tidak diketahui (tray tidak sedang memantau aktivitas)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="665"/>
        <source>unavailable here (no way to read input times on this desktop)</source>
        <translation>tidak tersedia di sini (desktop ini tidak memberi tahu kapan terakhir ada aktivitas)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="666"/>
        <source>working ({source})</source>
        <translation>berfungsi ({source})</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="671"/>
        <source>active (bound by the desktop&apos;s GlobalShortcuts portal)</source>
        <translation>aktif (dipasang oleh portal GlobalShortcuts desktop)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="672"/>
        <source>active</source>
        <translation>aktif</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="673"/>
        <source>asked the desktop to bind them (GlobalShortcuts portal); confirm the keys in its dialog</source>
        <translation>desktop sudah diminta memasangnya (portal GlobalShortcuts); konfirmasi tombolnya di dialog desktop</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="675"/>
        <source>the desktop did not bind them; choose keys in its keyboard shortcut settings</source>
        <translation>desktop tidak memasangnya; pilih tombol di pengaturan pintasan keyboard desktop</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="677"/>
        <source>off</source>
        <translation>mati</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="678"/>
        <source>a combination is invalid or used twice</source>
        <translation>ada kombinasi yang tidak valid atau dipakai dua kali</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="679"/>
        <source>another program holds {combos}; choose other keys</source>
        <translation>program lain memakai {combos}; pilih tombol lain</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="682"/>
        <source>unavailable on this desktop (Wayland lets no program listen for global keys); use the tray menu</source>
        <translation>tidak tersedia di desktop ini (Wayland tidak mengizinkan program mendengar tombol global); gunakan menu baki sistem</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="280"/>
        <source>The hotkey “{combo}” is used twice.</source>
        <translation>Pintasan “{combo}” dipakai dua kali.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="204"/>
        <source>Reflection &amp;&amp; reports</source>
        <translation>Refleksi &amp;&amp; laporan</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="406"/>
        <source>Defaults: 3 remote (WFA) : 2 office (WFO) days with the office days mid-week, core hours 10:00–15:00, no-meeting windows 08:00–10:00 and 15:00–17:00 — the hybrid model of a study of civil-servant programmers (thesis, chapter V). Public holidays (and cuti bersama) of the chosen country are days off; exceptions cover the rest: swapped office days, days off, or work on a holiday.</source>
        <translation>Bawaan: 3 hari jarak jauh (WFA) : 2 hari kantor (WFO) dengan hari kantor di tengah pekan, jam inti 10.00–15.00, jam bebas rapat 08.00–10.00 dan 15.00–17.00 — model hibrida dari kajian programmer ASN (tesis, bab V). Libur nasional (dan cuti bersama) negara yang dipilih menjadi hari libur; pengecualian mengatur sisanya: tukar hari kantor, hari libur, atau bekerja pada hari libur.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="730"/>
        <source>The reflection is offered on work days only; the weekly report is only written when you export it, after a preview.</source>
        <translation>Refleksi hanya ditawarkan pada hari kerja; laporan mingguan hanya ditulis saat Anda mengekspornya, setelah pratinjau.</translation>
    </message>
</context>
<context>
    <name>ShareBlocksDialog</name>
    <message>
        <location filename="../../ui/week/window.py" line="126"/>
        <location filename="../../ui/week/window.py" line="159"/>
        <source>Share busy blocks</source>
        <translation>Bagikan blok sibuk</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="128"/>
        <source>Saves this week&apos;s deep-work blocks as a calendar file (.ics) that colleagues can import or subscribe to. Each block leaves Fokus as a busy event named “Fokus — deep work” with its start and end; nothing else is in the file.</source>
        <translation>Menyimpan blok kerja mendalam pekan ini sebagai berkas kalender (.ics) yang bisa diimpor atau dilanggani rekan kerja. Setiap blok keluar dari Fokus sebagai acara sibuk bernama “Fokus — kerja mendalam” beserta jam mulai dan selesainya; tidak ada hal lain di berkas itu.</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="132"/>
        <source>Also show each block&apos;s &amp;project name</source>
        <translation>Tampilkan juga nama &amp;proyek tiap blok</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="134"/>
        <source>Off: colleagues see only that you are busy. On: they also see which project (for example “Fokus — deep work: SIASN”).</source>
        <translation>Mati: rekan kerja hanya melihat bahwa Anda sibuk. Nyala: mereka juga melihat proyeknya (misalnya “Fokus — kerja mendalam: SIASN”).</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="141"/>
        <source>&amp;Save…</source>
        <translation>&amp;Simpan…</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="144"/>
        <source>&amp;Close</source>
        <translation>&amp;Tutup</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="161"/>
        <source>Calendar files (*.ics)</source>
        <translation>Berkas kalender (*.ics)</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="174"/>
        <source>1 busy block written to {path}</source>
        <translation>1 blok sibuk ditulis ke {path}</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="175"/>
        <source>{n} busy blocks written to {path}</source>
        <translation>{n} blok sibuk ditulis ke {path}</translation>
    </message>
</context>
<context>
    <name>SpanEditor</name>
    <message>
        <location filename="../../ui/settings/window.py" line="118"/>
        <source>{name}: from</source>
        <translation>{name}: dari</translation>
    </message>
    <message>
        <location filename="../../ui/settings/window.py" line="119"/>
        <source>{name}: until</source>
        <translation>{name}: sampai</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../ui/settings/welcome.py" line="255"/>
        <source>Ready</source>
        <translation>Siap</translation>
    </message>
    <message>
        <location filename="../../ui/settings/welcome.py" line="257"/>
        <source>Start Fokus when I log in</source>
        <translation>Jalankan Fokus saat saya masuk</translation>
    </message>
    <message>
        <location filename="../../ui/settings/welcome.py" line="264"/>
        <source>Fokus lives in the system tray. Click its icon to start a focus session; Ctrl+Alt+F starts or stops one from anywhere.</source>
        <translation>Fokus tinggal di baki sistem. Klik ikonnya untuk memulai sesi fokus; Ctrl+Alt+F memulai atau menghentikannya dari mana saja.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/welcome.py" line="268"/>
        <source>This desktop shows no system tray, so Fokus runs in its own window, which offers everything the tray menu would; closing it only minimises it. Ctrl+Alt+F starts or stops a session from anywhere.</source>
        <translation>Desktop ini tidak menampilkan baki sistem, jadi Fokus berjalan di jendelanya sendiri, yang menawarkan semua isi menu baki; menutupnya hanya meminimalkannya. Ctrl+Alt+F memulai atau menghentikan sesi dari mana saja.</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../ui/settings/sync_panel.py" line="47"/>
        <source>A folder Syncthing, Nextcloud or a share keeps in step</source>
        <translation>Folder yang diselaraskan oleh Syncthing, Nextcloud, atau folder bersama</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sync_panel.py" line="49"/>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sync_panel.py" line="54"/>
        <source>The same on every computer</source>
        <translation>Sama di setiap komputer</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sync_panel.py" line="55"/>
        <source>Sync through this folder</source>
        <translation>Sinkronkan lewat folder ini</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sync_panel.py" line="58"/>
        <source>Sync now</source>
        <translation>Sinkronkan sekarang</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sync_panel.py" line="61"/>
        <source>Stop syncing here</source>
        <translation>Hentikan sinkronisasi di sini</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sync_panel.py" line="68"/>
        <source>Edit history…</source>
        <translation>Riwayat perubahan…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sync_panel.py" line="70"/>
        <source>Open the edit history</source>
        <translation>Buka riwayat perubahan</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sync_panel.py" line="79"/>
        <source>Folder:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sync_panel.py" line="80"/>
        <source>Passphrase:</source>
        <translation>Frasa sandi:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sync_panel.py" line="86"/>
        <source>Your history is written to this folder encrypted with a key made from the passphrase; no name, note or window rule can be read there, and no Fokus server is involved. Hotkeys, the calendar file and other settings of this computer stay here.</source>
        <translation>Riwayat Anda ditulis ke folder ini dalam bentuk terenkripsi dengan kunci yang dibuat dari frasa sandi; tidak ada nama, catatan, atau aturan jendela yang dapat dibaca di sana, dan tidak ada server Fokus yang terlibat. Pintasan, berkas kalender, dan pengaturan lain milik komputer ini tetap di sini.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sync_panel.py" line="109"/>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sync_panel.py" line="119"/>
        <source>Syncing with {folder}.</source>
        <translation>Sinkron dengan {folder}.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sync_panel.py" line="122"/>
        <source>Not syncing. Choose a folder your computers share and a passphrase.</source>
        <translation>Belum sinkron. Pilih folder yang dipakai bersama komputer-komputer Anda dan sebuah frasa sandi.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sync_panel.py" line="127"/>
        <source>This computer: last synced {when}</source>
        <translation>Komputer ini: terakhir sinkron {when}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sync_panel.py" line="130"/>
        <source>{host}: last wrote {when}</source>
        <translation>{host}: terakhir menulis {when}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sync_panel.py" line="136"/>
        <source>A session ran at the same time on two computers: keep one in Today.</source>
        <translation>Ada sesi yang berjalan bersamaan di dua komputer: pertahankan salah satunya di Hari ini.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sync_panel.py" line="138"/>
        <source>{n} sessions ran at the same time on two computers: keep one of each pair in Today.</source>
        <translation>{n} sesi berjalan bersamaan di dua komputer: pertahankan satu dari setiap pasangan di Hari ini.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sync_panel.py" line="145"/>
        <source>No value was lost to another computer&apos;s newer change.</source>
        <translation>Tidak ada nilai yang kalah oleh perubahan lebih baru dari komputer lain.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sync_panel.py" line="146"/>
        <source>1 value lost to another computer&apos;s newer change is kept in the edit history.</source>
        <translation>1 nilai yang kalah oleh perubahan lebih baru dari komputer lain disimpan di riwayat perubahan.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sync_panel.py" line="148"/>
        <source>{n} values lost to another computer&apos;s newer change are kept in the edit history.</source>
        <translation>{n} nilai yang kalah oleh perubahan lebih baru dari komputer lain disimpan di riwayat perubahan.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sync_panel.py" line="161"/>
        <source>Synced: changes written {written}, files read {read}.</source>
        <translation>Sinkron: perubahan ditulis {written}, berkas dibaca {read}.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sync_panel.py" line="46"/>
        <location filename="../../ui/settings/sync_panel.py" line="165"/>
        <source>Sync folder</source>
        <translation>Folder sinkronisasi</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sync_panel.py" line="185"/>
        <source>Choose a folder and type the passphrase.</source>
        <translation>Pilih folder dan ketik frasa sandi.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sync_panel.py" line="206"/>
        <source>Sync is off on this computer; the folder keeps its files.</source>
        <translation>Sinkronisasi mati di komputer ini; berkas di folder tetap ada.</translation>
    </message>
</context>
<context>
    <name>SyncWatch</name>
    <message>
        <location filename="../../ui/sync/watch.py" line="124"/>
        <source>Not synced yet</source>
        <translation>Belum sinkron</translation>
    </message>
    <message>
        <location filename="../../ui/sync/watch.py" line="131"/>
        <source>Synced at {time}</source>
        <translation>Sinkron pukul {time}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/watch.py" line="133"/>
        <source>Sync problem: see Settings → Sync</source>
        <translation>Masalah sinkronisasi: lihat Pengaturan → Sinkronisasi</translation>
    </message>
    <message>
        <location filename="../../ui/sync/watch.py" line="136"/>
        <source>1 session in conflict: see Today</source>
        <translation>1 sesi berkonflik: lihat Hari ini</translation>
    </message>
    <message>
        <location filename="../../ui/sync/watch.py" line="137"/>
        <source>{n} sessions in conflict: see Today</source>
        <translation>{n} sesi berkonflik: lihat Hari ini</translation>
    </message>
</context>
<context>
    <name>TeamReportWindow</name>
    <message>
        <location filename="../../ui/reports/team.py" line="37"/>
        <source>Fokus — Team report</source>
        <translation>Fokus — Laporan tim</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="40"/>
        <source>Add the weekly JSON exports your team sent you. Fokus checks each file, leaves out the ones it cannot use (and says why), and shows team medians with the middle half of the team — never a figure for fewer than three people, and no ranking of anyone.</source>
        <translation>Tambahkan ekspor JSON mingguan yang dikirim tim Anda. Fokus memeriksa setiap berkas, menyisihkan yang tidak dapat dipakai (beserta alasannya), dan menampilkan median tim dengan separuh tengah tim — tidak pernah angka untuk kurang dari tiga orang, dan tanpa peringkat siapa pun.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="46"/>
        <source>Exports to merge</source>
        <translation>Ekspor yang akan digabung</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="48"/>
        <source>&amp;Add files…</source>
        <translation>&amp;Tambah berkas…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="50"/>
        <source>Clear</source>
        <translation>Kosongkan</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="52"/>
        <source>Save as &amp;PDF…</source>
        <translation>Simpan sebagai &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="53"/>
        <source>Save as &amp;CSV…</source>
        <translation>Simpan sebagai &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="63"/>
        <source>Figure</source>
        <translation>Angka</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="63"/>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="64"/>
        <source>Middle half</source>
        <translation>Separuh tengah</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="64"/>
        <location filename="../../ui/reports/team.py" line="85"/>
        <source>Programmers</source>
        <translation>Programmer</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="66"/>
        <source>Team figures</source>
        <translation>Angka tim</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="73"/>
        <source>Planned and done</source>
        <translation>Rencana dan hasil</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="79"/>
        <source>Planned deep-work blocks used</source>
        <translation>Blok kerja mendalam terencana yang dipakai</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="80"/>
        <source>Batches finished</source>
        <translation>Batch yang selesai</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="81"/>
        <source>Time per project (the team)</source>
        <translation>Waktu per proyek (tim)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="84"/>
        <source>Project</source>
        <translation>Proyek</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="84"/>
        <source>Hours</source>
        <translation>Jam</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="87"/>
        <source>Time per project</source>
        <translation>Waktu per proyek</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="112"/>
        <source>Weekly exports</source>
        <translation>Ekspor mingguan</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="114"/>
        <source>Fokus exports (*.json)</source>
        <translation>Ekspor Fokus (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="128"/>
        <source>Team report · {week}</source>
        <translation>Laporan tim · {week}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="131"/>
        <source>too few to show</source>
        <translation>terlalu sedikit untuk ditampilkan</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="142"/>
        <source>{used} of {planned}</source>
        <translation>{used} dari {planned}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="149"/>
        <source>Other projects (fewer than three people each)</source>
        <translation>Proyek lain (masing-masing kurang dari tiga orang)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="157"/>
        <source>No figures for fewer than three programmers.</source>
        <translation>Tidak ada angka untuk kurang dari tiga programmer.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="159"/>
        <source>No focus time on projects this week.</source>
        <translation>Belum ada waktu fokus pada proyek pekan ini.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="162"/>
        <source>Projects worked on by fewer than three people are counted together.</source>
        <translation>Proyek yang dikerjakan kurang dari tiga orang dihitung bersama.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="163"/>
        <source>{week}: {n} programmers — {names}</source>
        <translation>{week}: {n} programmer — {names}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="166"/>
        <source>Left out {file}: {reason}</source>
        <translation>Disisihkan {file}: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="183"/>
        <source>Add at least one valid export first.</source>
        <translation>Tambahkan dulu setidaknya satu ekspor yang valid.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="187"/>
        <source>Save the team report</source>
        <translation>Simpan laporan tim</translation>
    </message>
    <message>
        <location filename="../../ui/reports/team.py" line="198"/>
        <source>Could not write {path}: {reason}</source>
        <translation>Tidak dapat menulis {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>TimelineEditor</name>
    <message>
        <location filename="../../ui/activity/timeline.py" line="332"/>
        <source>Changed. Ctrl+Z undoes it.</source>
        <translation>Diubah. Ctrl+Z membatalkannya.</translation>
    </message>
    <message>
        <location filename="../../ui/activity/timeline.py" line="343"/>
        <source>Undone.</source>
        <translation>Dibatalkan.</translation>
    </message>
    <message>
        <location filename="../../ui/activity/timeline.py" line="371"/>
        <source>Add a session here…</source>
        <translation>Tambah sesi di sini…</translation>
    </message>
    <message>
        <location filename="../../ui/activity/timeline.py" line="374"/>
        <source>Undo</source>
        <translation>Batalkan</translation>
    </message>
    <message>
        <location filename="../../ui/activity/timeline.py" line="401"/>
        <source>Edit…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <location filename="../../ui/activity/timeline.py" line="403"/>
        <source>Split here</source>
        <translation>Pisah di sini</translation>
    </message>
    <message>
        <location filename="../../ui/activity/timeline.py" line="407"/>
        <location filename="../../ui/activity/timeline.py" line="441"/>
        <source>Change project</source>
        <translation>Ganti proyek</translation>
    </message>
    <message>
        <location filename="../../ui/activity/timeline.py" line="410"/>
        <source>Change batch</source>
        <translation>Ganti batch</translation>
    </message>
    <message>
        <location filename="../../ui/activity/timeline.py" line="411"/>
        <source>No batch</source>
        <translation>Tanpa batch</translation>
    </message>
    <message>
        <location filename="../../ui/activity/timeline.py" line="422"/>
        <location filename="../../ui/activity/timeline.py" line="451"/>
        <location filename="../../ui/activity/timeline.py" line="465"/>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../ui/activity/timeline.py" line="426"/>
        <source>Session deleted. Ctrl+Z brings it back.</source>
        <translation>Sesi dihapus. Ctrl+Z mengembalikannya.</translation>
    </message>
    <message>
        <location filename="../../ui/activity/timeline.py" line="430"/>
        <source>Count this pause as focus</source>
        <translation>Hitung jeda ini sebagai fokus</translation>
    </message>
    <message>
        <location filename="../../ui/activity/timeline.py" line="444"/>
        <source>Change reason</source>
        <translation>Ganti alasan</translation>
    </message>
    <message>
        <location filename="../../ui/activity/timeline.py" line="458"/>
        <source>Change source</source>
        <translation>Ganti sumber</translation>
    </message>
</context>
<context>
    <name>TodayWindow</name>
    <message>
        <location filename="../../ui/activity/today.py" line="37"/>
        <source>Fokus — Today</source>
        <translation>Fokus — Hari ini</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="44"/>
        <source>Day shown</source>
        <translation>Hari yang ditampilkan</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="47"/>
        <location filename="../../ui/activity/today.py" line="195"/>
        <source>Today</source>
        <translation>Hari ini</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="55"/>
        <source>History…</source>
        <translation>Riwayat…</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="57"/>
        <source>Edit history of the chosen session, or of every change</source>
        <translation>Riwayat perubahan sesi yang dipilih, atau semua perubahan</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="82"/>
        <source>Undo</source>
        <translation>Batalkan</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="87"/>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="87"/>
        <source>What</source>
        <translation>Apa</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="87"/>
        <source>Details</source>
        <translation>Rincian</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="89"/>
        <source>The day&apos;s events</source>
        <translation>Kejadian pada hari yang ditampilkan</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="92"/>
        <source>History of this session…</source>
        <translation>Riwayat sesi ini…</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="99"/>
        <source>Bars: focus sessions (hatched: paused; dashed ✎: changed by hand) · ▲ switch (purple: automatic) · ● interruption · drag a bar&apos;s edge to move it, right-click to edit</source>
        <translation>Batang: sesi fokus (arsir: dijeda; garis putus ✎: diubah manual) · ▲ perpindahan (ungu: otomatis) · ● interupsi · seret tepi batang untuk menggesernya, klik kanan untuk mengubah</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="173"/>
        <source>{a} and {b} ran at the same time on two computers: keep one (right-click a bar to edit or delete it); until then the time they share counts once.</source>
        <translation>{a} dan {b} berjalan bersamaan di dua komputer: pertahankan salah satunya (klik kanan sebuah batang untuk menyunting atau menghapusnya); sampai saat itu waktu yang bertumpang tindih dihitung sekali.</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="200"/>
        <source>1 context switch</source>
        <translation>1 perpindahan konteks</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="201"/>
        <source>{n} context switches</source>
        <translation>{n} perpindahan konteks</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="202"/>
        <source>{focus} min of focus in {sessions} ({done} completed) · {switches} · {interruptions}</source>
        <translation>{focus} menit fokus dalam {sessions} ({done} selesai) · {switches} · {interruptions}</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="205"/>
        <source>1 session</source>
        <translation>1 sesi</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="206"/>
        <source>{n} sessions</source>
        <translation>{n} sesi</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="208"/>
        <source>1 interruption</source>
        <translation>1 interupsi</translation>
    </message>
    <message>
        <location filename="../../ui/activity/today.py" line="209"/>
        <source>{n} interruptions</source>
        <translation>{n} interupsi</translation>
    </message>
</context>
<context>
    <name>WeekCanvas</name>
    <message>
        <location filename="../../ui/week/view.py" line="178"/>
        <source>No work days this week</source>
        <translation>Tidak ada hari kerja pekan ini</translation>
    </message>
    <message>
        <location filename="../../ui/week/view.py" line="210"/>
        <source>Lunch break</source>
        <translation>Istirahat siang</translation>
    </message>
</context>
<context>
    <name>WeekWindow</name>
    <message>
        <location filename="../../ui/week/window.py" line="185"/>
        <source>Fokus — Week</source>
        <translation>Fokus — Pekan</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="193"/>
        <source>Previous week</source>
        <translation>Pekan sebelumnya</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="194"/>
        <source>This week</source>
        <translation>Pekan ini</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="196"/>
        <source>Next week</source>
        <translation>Pekan berikutnya</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="197"/>
        <source>&amp;Plan my week</source>
        <translation>&amp;Rencanakan pekan saya</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="199"/>
        <source>&amp;Import calendar…</source>
        <translation>&amp;Impor kalender…</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="200"/>
        <source>Share &amp;busy blocks…</source>
        <translation>Bagikan blok &amp;sibuk…</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="202"/>
        <source>Save this week&apos;s deep-work blocks as busy events for colleagues&apos; calendars</source>
        <translation>Simpan blok kerja mendalam pekan ini sebagai acara sibuk untuk kalender rekan kerja</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="203"/>
        <source>&amp;Settings…</source>
        <translation>Pe&amp;ngaturan…</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="226"/>
        <source>&amp;Apply plan</source>
        <translation>&amp;Terapkan rencana</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="227"/>
        <source>&amp;Discard</source>
        <translation>&amp;Buang</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="265"/>
        <source>&lt;span style=&apos;background:rgba(42,157,143,0.25)&apos;&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; no-meeting window (deep work) &amp;nbsp; &lt;span style=&apos;background:rgba(58,134,255,0.2)&apos;&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; core hours (coordination) &amp;nbsp; ▨ meeting &amp;nbsp; ⚠ conflict · Drag to create or move, drag the lower edge to resize; keys: Tab selects, arrows move, Shift+arrows resize, Delete removes, Enter edits, N creates.</source>
        <translation>&lt;span style=&apos;background:rgba(42,157,143,0.25)&apos;&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; jam bebas rapat (kerja mendalam) &amp;nbsp; &lt;span style=&apos;background:rgba(58,134,255,0.2)&apos;&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; jam inti (koordinasi) &amp;nbsp; ▨ rapat &amp;nbsp; ⚠ konflik · Seret untuk membuat atau memindah, seret tepi bawah untuk mengubah ukuran; tombol: Tab memilih, panah memindah, Shift+panah mengubah ukuran, Delete menghapus, Enter mengubah, N membuat.</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="353"/>
        <source>Week {n}, {year} · {first} – {last}</source>
        <translation>Pekan {n}, {year} · {first} – {last}</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="361"/>
        <source>{blocks} blocks · {switches} planned context switches · {conflicts} conflicts · {meetings} meetings, {deep} of them in no-meeting windows</source>
        <translation>{blocks} blok · {switches} perpindahan konteks terencana · {conflicts} konflik · {meetings} rapat, {deep} di antaranya di jam bebas rapat</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="368"/>
        <source>Nothing planned this week. Add a batch in Projects, then press “Plan my week”.</source>
        <translation>Belum ada rencana pekan ini. Tambahkan batch di Proyek, lalu tekan “Rencanakan pekan saya”.</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="386"/>
        <location filename="../../ui/week/window.py" line="395"/>
        <location filename="../../ui/week/window.py" line="434"/>
        <location filename="../../ui/week/window.py" line="483"/>
        <source>Fokus</source>
        <translation>Fokus</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="396"/>
        <source>Add a project first (Projects &amp; batches).</source>
        <translation>Tambahkan proyek dulu (Proyek &amp; batch).</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="438"/>
        <source>{n} new blocks proposed (dashed): {switches} context switches this week, against {baseline} if placed by urgency alone.</source>
        <translation>{n} blok baru diusulkan (garis putus-putus): {switches} perpindahan konteks pekan ini, dibanding {baseline} jika disusun hanya berdasarkan urgensi.</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="443"/>
        <source>Not placed:</source>
        <translation>Tidak terjadwal:</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="469"/>
        <source>Import a calendar</source>
        <translation>Impor kalender</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="470"/>
        <source>Calendar files (*.ics)</source>
        <translation>Berkas kalender (*.ics)</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="486"/>
        <source>Calendar imported</source>
        <translation>Kalender diimpor</translation>
    </message>
    <message>
        <location filename="../../ui/week/window.py" line="487"/>
        <source>{n} meetings imported; {deep} of them fall in no-meeting windows. Fokus will import this file again when it changes.</source>
        <translation>{n} rapat diimpor; {deep} di antaranya jatuh di jam bebas rapat. Fokus akan mengimpor berkas ini lagi saat berubah.</translation>
    </message>
</context>
</TS>
