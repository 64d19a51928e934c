# JupyterLab for a workshop room: read by the dev container and the GPU machines, which put this folder on
# JUPYTER_CONFIG_PATH; on a laptop: JUPYTER_CONFIG_PATH=infra/jupyter jupyter lab
import os

_here = os.path.dirname(os.path.abspath(__file__))

# No "Would you like to receive official Jupyter news?" prompt over the first notebook: lab-settings/overrides.json
# sets the notification defaults (no news fetched, no update check).
c.LabApp.app_settings_dir = os.path.join(_here, "lab-settings")

# A closed tab leaves its kernel running (a TorchSharp kernel holds hundreds of MB). Kernels with no open notebook
# that stay idle for 30 minutes are shut down; a notebook still open in a tab keeps its kernel, however long it idles.
c.MappingKernelManager.cull_idle_timeout = 1800
c.MappingKernelManager.cull_interval = 300
c.MappingKernelManager.cull_connected = False
c.MappingKernelManager.cull_busy = False
