"""config-app: one endpoint whose only input is named `config` (a JSON value).

A hashtable given for it must arrive as that input's value ({"config": 42}), never be
taken as the arguments by name (42). Runs on the genuine Gradio that RealGradio.psm1 starts.
  /echo_config   JSON in -> the same JSON out
"""

import gradio as gr


def echo_config(config):
    return config


with gr.Blocks(title="config-app") as demo:
    c_in = gr.JSON(label="Config")
    c_out = gr.JSON(label="Echo")
    gr.Button("echo").click(echo_config, c_in, c_out, api_name="echo_config")

if __name__ == "__main__":
    demo.queue().launch()
