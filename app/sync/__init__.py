"""One person's history on several machines, merged through a folder the person
already syncs (Syncthing, Nextcloud, a share, a USB stick), encrypted, with no
server: ``crypto`` (the key and the boxes), ``folder`` (the files), ``merge``
(changes out of and into the database), ``service`` (setup, sync, status)."""
